import { isHeld } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { CaseProjection, ProjectedCase, factsByPerson } from '../case-projection';

/**
 * The caseload and the detail of each case: its details, status and version (to send as
 * If-Match), how many suspects, migrants and people held, and each person's custody and
 * protection.
 */
@Injectable()
export class CasesProjection extends CaseProjection {
  readonly name = 'cases';
  protected readonly tables = ['cases', 'case_persons'];

  protected rows(projected: ProjectedCase) {
    return caseRowsOf(projected);
  }
}

/** A case's rows: the caseload's and one for each person in the case. */
export function caseRowsOf({ file, last }: ProjectedCase) {
  const persons = Object.values(file.persons);
  const facts = factsByPerson(file);
  return {
    cases: [
      {
        case_id: file.caseId,
        directorate: file.directorate,
        border_section: file.borderSection,
        offence_article: file.offence.article,
        offence_paragraph: file.offence.paragraph,
        status: file.status,
        summary: file.summary,
        opened_at: file.openedAt,
        joint_operations: file.jointOperations,
        suspects: persons.filter((p) => p.role === 'suspect').length,
        migrants: persons.filter((p) => p.role === 'migrant').length,
        in_custody: persons.filter((p) => isHeld(p.custody)).length,
        complaint_filed_at: file.complaintFiledAt,
        referred_at: file.referredAt,
        closed_at: file.closedAt,
        version: last.streamVersion,
        last_position: last.position,
        updated_at: last.recordedAt,
      },
    ],
    case_persons: persons.map((p) => ({
      case_id: file.caseId,
      person_id: p.personId,
      role: p.role,
      nationality: p.nationality,
      slovenian_citizen: p.slovenianCitizen,
      minor: p.minor,
      recorded_at: p.recordedAt,
      apprehensions: p.apprehensions,
      custody_phase: p.custody.phase,
      held_since: isHeld(p.custody) && 'deprivedAt' in p.custody ? p.custody.deprivedAt : null,
      protection: p.protection,
      protection_since: p.protectionSince,
      asylum_intents: p.asylumIntents,
      referrals: (facts.get(p.personId) ?? [])
        .filter((e) => e.type === 'protection.referred-to-asylum-centre')
        .map((e) => ({ facility: e.data.facility, at: e.occurredAt.toISOString() })),
    })),
  };
}
