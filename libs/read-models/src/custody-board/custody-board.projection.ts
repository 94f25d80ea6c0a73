import { custodyClocks, isHeld } from '@app/domain';
import { EventEnvelope } from '@app/event-store';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { foldCase, recordFact } from '../case-facts';
import { Projection } from '../projection';
import { CustodyClockRow } from './custody-clock.entity';

/**
 * Everyone held now and the deadline of each of their legal clocks, as the domain computes
 * them. Any event of a case may change them (a correction can move an arrest), so the case's
 * rows are rewritten from the refolded case each time.
 */
@Injectable()
export class CustodyBoardProjection implements Projection {
  readonly name = 'custody-board';

  async apply(envelope: EventEnvelope, tx: EntityManager): Promise<void> {
    if (envelope.streamType !== 'case') return;
    await recordFact(this.name, envelope, tx);
    const file = await foldCase(this.name, envelope.streamId, tx);
    await tx.delete(CustodyClockRow, { caseId: file.caseId });
    const rows = Object.values(file.persons)
      .filter((person) => isHeld(person.custody))
      .flatMap((person) =>
        custodyClocks(person.custody).map((clock): CustodyClockRow => ({
          caseId: file.caseId,
          personId: person.personId,
          kind: clock.kind,
          directorate: file.directorate,
          role: person.role,
          nationality: person.nationality,
          phase: person.custody.phase,
          heldSince: 'deprivedAt' in person.custody ? person.custody.deprivedAt : clock.startedAt,
          startedAt: clock.startedAt,
          deadline: clock.deadline,
          metAt: clock.metAt,
        })),
      );
    if (rows.length > 0) await tx.insert(CustodyClockRow, rows);
  }
}
