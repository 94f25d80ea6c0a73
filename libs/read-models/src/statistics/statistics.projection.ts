import { Injectable } from '@nestjs/common';
import { CaseProjection, ProjectedCase, factsByPerson } from '../case-projection';

/**
 * What the press-release statistics count, one row per case and per person in a case, each
 * with the instant that places it in a period (the counting rules are in the README):
 * a case by its opening; a person by their first arrest or apprehension in the case; a remand
 * by the first remand order in the case.
 */
@Injectable()
export class StatisticsProjection extends CaseProjection {
  readonly name = 'statistics';
  protected readonly tables = ['statistics_cases', 'statistics_persons'];

  protected rows(projected: ProjectedCase) {
    return statisticsRowsOf(projected);
  }
}

/** What the statistics count of a case: the case, and each person in it. */
export function statisticsRowsOf({ file }: ProjectedCase) {
  const facts = factsByPerson(file);
  return {
    statistics_cases: [
      { case_id: file.caseId, directorate: file.directorate, opened_at: file.openedAt },
    ],
    statistics_persons: Object.values(file.persons).map((p) => {
      const own = facts.get(p.personId) ?? [];
      const remands = own
        .filter((e) => e.type === 'custody.remand-ordered')
        .map((e) => e.occurredAt.getTime());
      // The README's rule: an arrest says so, or the nationality last established (in any
      // case: the query takes the latest of the person's rows) is SI.
      const slovenianCitizen = own.some(
        (e) => e.type === 'person.suspect-arrested' && e.data.slovenianCitizen,
      );
      return {
        case_id: file.caseId,
        person_id: p.personId,
        role: p.role,
        directorate: file.directorate,
        nationality: p.nationality,
        nationality_at: p.nationalityAt,
        slovenian_citizen: slovenianCitizen,
        recorded_at: p.recordedAt,
        remanded_at: remands.length > 0 ? new Date(Math.min(...remands)) : null,
        expressed_intent: p.asylumIntents > 0,
      };
    }),
  };
}
