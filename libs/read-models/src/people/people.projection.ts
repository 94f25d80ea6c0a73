import { Injectable } from '@nestjs/common';
import { CaseProjection, ProjectedCase, factsByPerson } from '../case-projection';

/**
 * Each person in each case, with how often they were apprehended (or arrested) and expressed
 * an intent to seek protection there. A person keeps one id across cases, so summing a
 * person's rows counts their repeat apprehensions and repeat intents.
 */
@Injectable()
export class PeopleProjection extends CaseProjection {
  readonly name = 'people';
  protected readonly tables = ['person_cases'];

  protected rows(projected: ProjectedCase) {
    return personCaseRowsOf(projected);
  }
}

/** A case's row for each person in it. */
export function personCaseRowsOf({ file }: ProjectedCase) {
  const facts = factsByPerson(file);
  return {
    person_cases: Object.values(file.persons).map((p) => {
      const seen = (facts.get(p.personId) ?? [])
        .filter(
          (e) => e.type === 'person.migrant-apprehended' || e.type === 'person.suspect-arrested',
        )
        .map((e) => e.occurredAt.getTime());
      return {
        person_id: p.personId,
        case_id: file.caseId,
        directorate: file.directorate,
        role: p.role,
        nationality: p.nationality,
        nationality_at: p.nationalityAt,
        first_seen_at: new Date(Math.min(...seen)),
        last_seen_at: new Date(Math.max(...seen)),
        apprehensions: seen.length,
        asylum_intents: p.asylumIntents,
      };
    }),
  };
}
