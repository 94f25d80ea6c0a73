import { IdentityEstablished, caseEvent } from '@app/domain';
import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  broughtBeforeJudge,
  detained,
  intentExpressed,
  opened,
  remanded,
} from '../../../domain/src/case/testing/case-scenario';
import { byPerson, projectedCase } from '../testing/projected-case';
import { statisticsRowsOf } from './statistics.projection';

const SLOVENIAN_SUSPECT = '5a1d0d0e-1111-4e5f-8a9b-000000000009';

/**
 * The driver remanded; a Slovenian accomplice arrested; a migrant apprehended without papers,
 * who seeks asylum and whose nationality is established later.
 */
const history = [
  opened(at('08:00')),
  arrested(SUSPECT, at('09:00'), 'RS'),
  arrested(SLOVENIAN_SUSPECT, at('09:05'), 'SI'),
  apprehended(MIGRANT, at('09:10'), null),
  detained(at('09:30'), SUSPECT),
  intentExpressed(at('10:00'), MIGRANT),
  caseEvent<IdentityEstablished>('person.identity-established', at('11:00'), {
    caseId: CASE_ID,
    personId: MIGRANT,
    method: 'statement',
    nationality: 'AF',
    personalData: null,
  }),
  broughtBeforeJudge(at('20:00'), SUSPECT),
  remanded(at('22:00'), SUSPECT),
];

describe('the statistics projection', () => {
  it('places the case, each arrest and apprehension, and the remand in their periods', () => {
    // Given the case's history
    const projected = projectedCase(history);

    // When its statistics rows are made
    const rows = statisticsRowsOf(projected);

    // Then the case counts by its opening
    expect(rows.statistics_cases).toEqual([
      { case_id: CASE_ID, directorate: 'novo-mesto', opened_at: at('08:00') },
    ]);
    // And each person by their first arrest or apprehension, by the nationality last
    // established, a remand by its order
    const person = { case_id: CASE_ID, directorate: 'novo-mesto' };
    expect(byPerson(rows.statistics_persons)).toEqual(
      byPerson([
        {
          ...person,
          person_id: SUSPECT,
          role: 'suspect',
          nationality: 'RS',
          nationality_at: at('09:00'),
          slovenian_citizen: false,
          recorded_at: at('09:00'),
          remanded_at: at('22:00'),
          expressed_intent: false,
        },
        {
          ...person,
          person_id: SLOVENIAN_SUSPECT,
          role: 'suspect',
          nationality: 'SI',
          nationality_at: at('09:05'),
          slovenian_citizen: true,
          recorded_at: at('09:05'),
          remanded_at: null,
          expressed_intent: false,
        },
        {
          ...person,
          person_id: MIGRANT,
          role: 'migrant',
          nationality: 'AF',
          nationality_at: at('11:00'),
          slovenian_citizen: false,
          recorded_at: at('09:10'),
          remanded_at: null,
          expressed_intent: true,
        },
      ]),
    );
  });
});
