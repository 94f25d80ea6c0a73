import { CaseEvent, CaseOpened, caseEvent } from '@app/domain';
import {
  CASE_ID,
  MIGRANT,
  apprehended,
  at,
  intentExpressed,
  opened,
} from '../../../domain/src/case/testing/case-scenario';
import { projectedCase } from '../testing/projected-case';
import { personCaseRowsOf } from './people.projection';

const SECOND_CASE = '0b6c7c1e-4a8e-4d7e-9b55-1f2f7e0b9a02';

/** The same fact, of the second case. */
const inSecondCase = <E extends CaseEvent>(event: E): E => ({
  ...event,
  data: { ...event.data, caseId: SECOND_CASE },
});

describe('the people projection', () => {
  it('gives a person a row in each case, to sum their repeat apprehensions and intents', () => {
    // Given a migrant apprehended on the 14th, who then expressed an intent to seek asylum,
    const first = projectedCase([
      opened(at('08:00')),
      apprehended(MIGRANT, at('09:00'), 'SY'),
      intentExpressed(at('10:00'), MIGRANT),
    ]);
    // and apprehended twice more on the 15th, in a case of the Koper directorate, the second
    // time without a nationality given
    const second = projectedCase([
      caseEvent<CaseOpened>('case.opened', at('07:00', 15), {
        caseId: SECOND_CASE,
        directorate: 'koper',
        borderSection: 'Sočerga',
        offence: { article: 308, paragraph: 1 },
        summary: 'Two migrants led across the Dragonja on foot.',
      }),
      inSecondCase(apprehended(MIGRANT, at('08:00', 15), 'AF')),
      inSecondCase(apprehended(MIGRANT, at('18:00', 15), null)),
    ]);

    // When each case's rows are made
    const rows = [
      ...personCaseRowsOf(first).person_cases,
      ...personCaseRowsOf(second).person_cases,
    ];

    // Then the person has a row in each
    expect(rows).toEqual([
      {
        person_id: MIGRANT,
        case_id: CASE_ID,
        directorate: 'novo-mesto',
        role: 'migrant',
        nationality: 'SY',
        nationality_at: at('09:00'),
        first_seen_at: at('09:00'),
        last_seen_at: at('09:00'),
        apprehensions: 1,
        asylum_intents: 1,
      },
      {
        person_id: MIGRANT,
        case_id: SECOND_CASE,
        directorate: 'koper',
        role: 'migrant',
        nationality: 'AF',
        nationality_at: at('08:00', 15),
        first_seen_at: at('08:00', 15),
        last_seen_at: at('18:00', 15),
        apprehensions: 2,
        asylum_intents: 0,
      },
    ]);
  });
});
