import { custodyBreaches, isHeld, personClocks } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { CaseProjection, ProjectedCase } from '../case-projection';

/**
 * Everyone held now and the deadline of each of their legal clocks, as the domain computes
 * them; and every duty met late or never, which stays after the person moves on. Any event of a
 * case may change them (a fact entered late, a correction, a withdrawal).
 */
@Injectable()
export class CustodyBoardProjection extends CaseProjection {
  readonly name = 'custody-board';
  protected readonly tables = ['custody_clocks', 'custody_breaches'];

  protected rows({ file }: ProjectedCase) {
    return {
      custody_clocks: Object.values(file.persons)
        .filter((person) => isHeld(person.custody))
        .flatMap((person) =>
          personClocks(person).map((clock) => ({
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
      custody_breaches: custodyBreaches(file.history).map((breach) => ({
        case_id: file.caseId,
        person_id: breach.personId,
        kind: breach.kind,
        started_at: breach.startedAt,
        directorate: file.directorate,
        deadline: breach.deadline,
        met_at: breach.metAt,
        ended_at: breach.endedAt,
      })),
    };
  }
}
