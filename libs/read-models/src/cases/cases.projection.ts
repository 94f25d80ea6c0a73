import { CaseEventType, CaseOpened } from '@app/domain';
import { EventEnvelope } from '@app/event-store';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { CaseRow } from './case.entity';

@Injectable()
export class CasesProjection implements Projection {
  readonly name = 'cases';

  async apply(event: EventEnvelope, tx: EntityManager): Promise<void> {
    switch (event.type) {
      case CaseEventType.CaseOpened:
        return this.caseOpened(event as EventEnvelope<CaseOpened['data']>, tx);
    }
  }

  private async caseOpened(event: EventEnvelope<CaseOpened['data']>, tx: EntityManager) {
    const { data } = event;
    await tx.insert(CaseRow, {
      caseId: data.caseId,
      directorate: data.directorate,
      borderSection: data.borderSection,
      offenceArticle: data.offence.article,
      offenceParagraph: data.offence.paragraph,
      status: 'open',
      summary: data.summary,
      openedAt: new Date(event.occurredAt),
      version: event.streamVersion,
      lastPosition: event.position,
      updatedAt: new Date(event.recordedAt),
    });
    await tx.query(
      `INSERT INTO read_model.directorate_caseload (directorate, cases_opened) VALUES ($1, 1)
       ON CONFLICT (directorate)
       DO UPDATE SET cases_opened = directorate_caseload.cases_opened + 1`,
      [data.directorate],
    );
  }
}
