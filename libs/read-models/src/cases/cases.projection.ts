import { CaseEvent, CaseOpened } from '@app/domain';
import { EventEnvelope } from '@app/event-store';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { foldCase, recordFact } from '../case-facts';
import { Projection } from '../projection';
import { CaseRow } from './case.entity';

/** The case as investigators read it: its details, its status, and the version to send as If-Match. */
@Injectable()
export class CasesProjection implements Projection {
  readonly name = 'cases';

  async apply(envelope: EventEnvelope, tx: EntityManager): Promise<void> {
    if (envelope.streamType !== 'case') return;
    await recordFact(this.name, envelope, tx);
    const event = { type: envelope.type, data: envelope.data } as CaseEvent;
    const stamp = {
      version: envelope.streamVersion,
      lastPosition: envelope.position,
      updatedAt: new Date(envelope.recordedAt),
    };
    if (event.type === 'case.opened') return caseOpened(envelope, event.data, tx);
    const changes =
      event.type === 'case.correction-recorded'
        ? await refold(this.name, envelope.streamId, tx)
        : changesOf(event);
    await tx.update(CaseRow, { caseId: envelope.streamId }, { ...changes, ...stamp });
  }
}

async function caseOpened(envelope: EventEnvelope, data: CaseOpened['data'], tx: EntityManager) {
  await tx.insert(CaseRow, {
    caseId: data.caseId,
    directorate: data.directorate,
    borderSection: data.borderSection,
    offenceArticle: data.offence.article,
    offenceParagraph: data.offence.paragraph,
    status: 'open',
    summary: data.summary,
    openedAt: new Date(envelope.occurredAt),
    version: envelope.streamVersion,
    lastPosition: envelope.position,
    updatedAt: new Date(envelope.recordedAt),
  });
  await tx.query(
    `INSERT INTO read_model.directorate_caseload (directorate, cases_opened) VALUES ($1, 1)
     ON CONFLICT (directorate)
     DO UPDATE SET cases_opened = directorate_caseload.cases_opened + 1`,
    [data.directorate],
  );
}

/** What an ordinary event changes in the row, besides its version. */
function changesOf(event: CaseEvent): Partial<CaseRow> {
  switch (event.type) {
    case 'case.details-amended': {
      const { borderSection, offence, summary } = event.data.changes;
      const changes = { borderSection, summary, offenceParagraph: offence?.paragraph };
      return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
    }
    case 'case.closed':
      return { status: 'closed' };
    default:
      return {};
  }
}

/** After a correction: the case as the domain folds its corrected history. */
async function refold(
  projection: string,
  caseId: string,
  tx: EntityManager,
): Promise<Partial<CaseRow>> {
  const file = await foldCase(projection, caseId, tx);
  return {
    borderSection: file.borderSection,
    offenceParagraph: file.offence.paragraph,
    summary: file.summary,
    status: file.status,
    openedAt: file.openedAt,
  };
}
