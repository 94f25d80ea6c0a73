import {
  caseReference,
  custodyBreaches,
  isHeld,
  personClocks,
  remandUse,
  safeguardItems,
} from '@app/domain';
import { Injectable } from '@nestjs/common';
import { CaseProjection, ProjectedCase } from '../case-projection';

/**
 * Everyone held now, what the desk needs to act on them, and the deadline of each of their
 * legal clocks, as the domain computes them; and every duty met late or never, which stays after
 * the person moves on. Any event of a case may change them (a fact entered late, a correction,
 * a withdrawal).
 */
@Injectable()
export class CustodyBoardProjection extends CaseProjection {
  readonly name = 'custody-board';
  protected readonly tables = ['custody_held', 'custody_clocks', 'custody_breaches'];

  protected rows(projected: ProjectedCase) {
    return custodyBoardRowsOf(projected);
  }
}

/** A case's rows on the board: each person held now, their clocks, the case's breaches. */
export function custodyBoardRowsOf({ file, openedBy }: ProjectedCase) {
  const held = Object.values(file.persons).filter((person) => isHeld(person.custody));
  return {
    custody_held: held.map((person) => {
      // The state as of the latest fact: months used and the ceiling as they stand then.
      const remand = remandUse(file, person, file.lastActAt);
      return {
        case_id: file.caseId,
        person_id: person.personId,
        directorate: file.directorate,
        case_reference: caseReference(file.caseId, file.directorate, file.openedAt),
        case_summary: file.summary,
        role: person.role,
        nationality: person.nationality,
        minor: person.minor,
        phase: person.custody.phase,
        held_since: 'deprivedAt' in person.custody ? person.custody.deprivedAt : file.openedAt,
        detention_place: person.detentionPlace,
        court: person.court,
        responsible_officer: openedBy,
        remand_months_used: remand?.monthsUsed ?? null,
        remand_ceiling_months: remand?.ceilingMonths ?? null,
        remand_panel_extended: remand?.panelExtended ?? null,
        safeguards: safeguardItems(person),
      };
    }),
    custody_clocks: held.flatMap((person) =>
      personClocks(person).map((clock) => ({
        case_id: file.caseId,
        person_id: person.personId,
        kind: clock.kind,
        directorate: file.directorate,
        role: person.role,
        nationality: person.nationality,
        phase: person.custody.phase,
        held_since: 'deprivedAt' in person.custody ? person.custody.deprivedAt : clock.startedAt,
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
