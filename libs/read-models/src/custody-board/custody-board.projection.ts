import { custodyClocks, isHeld } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { CaseProjection, ProjectedCase } from '../case-projection';

/**
 * Everyone held now and the deadline of each of their legal clocks, as the domain computes
 * them. Any event of a case may change them (a correction can move an arrest).
 */
@Injectable()
export class CustodyBoardProjection extends CaseProjection {
  readonly name = 'custody-board';
  protected readonly tables = ['custody_clocks'];

  protected rows({ file }: ProjectedCase) {
    return {
      custody_clocks: Object.values(file.persons)
        .filter((person) => isHeld(person.custody))
        .flatMap((person) =>
          custodyClocks(person.custody).map((clock) => ({
            case_id: file.caseId,
            person_id: person.personId,
            kind: clock.kind,
            directorate: file.directorate,
            role: person.role,
            nationality: person.nationality,
            phase: person.custody.phase,
            held_since:
              'deprivedAt' in person.custody ? person.custody.deprivedAt : clock.startedAt,
            started_at: clock.startedAt,
            deadline: clock.deadline,
            met_at: clock.metAt,
          })),
        ),
    };
  }
}
