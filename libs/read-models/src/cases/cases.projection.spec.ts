import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  detained,
  intentExpressed,
  opened,
  referred,
  released,
} from '../../../domain/src/case/testing/case-scenario';
import { byPerson, projectedCase, recordedAt } from '../testing/projected-case';
import { caseRowsOf } from './cases.projection';

const SECOND_MIGRANT = '5a1d0d0e-3333-4e5f-8a9b-000000000003';

/** A van stopped: its driver arrested and detained, two migrants, one of whom seeks asylum. */
const stopped = [
  opened(at('08:00')),
  arrested(SUSPECT, at('09:00'), 'RS'),
  apprehended(MIGRANT, at('09:10'), 'SY'),
  apprehended(SECOND_MIGRANT, at('09:20'), 'AF'),
  detained(at('09:30'), SUSPECT),
  intentExpressed(at('10:00'), MIGRANT),
  referred(at('12:00'), MIGRANT),
];

describe('the cases projection', () => {
  it('counts the suspects, the migrants and the people in custody of a case', () => {
    // Given a case with a suspect held and two migrants
    const projected = projectedCase(stopped);

    // When its rows are made
    const rows = caseRowsOf(projected);

    // Then one caseload row counts them, with the version to send as If-Match
    expect(rows.cases).toEqual([
      {
        case_id: CASE_ID,
        directorate: 'novo-mesto',
        border_section: 'Obrežje',
        offence_article: 308,
        offence_paragraph: 3,
        status: 'open',
        summary: 'Van with 12 migrants stopped near Obrežje.',
        opened_at: at('08:00'),
        joint_operations: [],
        suspects: 1,
        migrants: 2,
        in_custody: 1,
        complaint_filed_at: null,
        referred_at: null,
        closed_at: null,
        version: 7,
        last_position: '106',
        updated_at: recordedAt(7),
      },
    ]);
  });

  it("lists each person's custody and protection", () => {
    const rows = caseRowsOf(projectedCase(stopped));

    const person = { case_id: CASE_ID, slovenian_citizen: false, minor: false };
    expect(byPerson(rows.case_persons)).toEqual(
      byPerson([
        {
          ...person,
          person_id: SUSPECT,
          role: 'suspect',
          nationality: 'RS',
          recorded_at: at('09:00'),
          // An arrest is not an apprehension: only migrants are apprehended.
          apprehensions: 0,
          custody_phase: 'police-detention',
          held_since: at('09:00'),
          protection: 'none',
          protection_since: null,
          asylum_intents: 0,
          referrals: [],
        },
        {
          ...person,
          person_id: MIGRANT,
          role: 'migrant',
          nationality: 'SY',
          recorded_at: at('09:10'),
          apprehensions: 1,
          custody_phase: 'free',
          held_since: null,
          protection: 'referred',
          protection_since: at('12:00'),
          asylum_intents: 1,
          referrals: [{ facility: 'asylum-home-ljubljana', at: '2024-03-14T12:00:00.000Z' }],
        },
        {
          ...person,
          person_id: SECOND_MIGRANT,
          role: 'migrant',
          nationality: 'AF',
          recorded_at: at('09:20'),
          apprehensions: 1,
          custody_phase: 'free',
          held_since: null,
          protection: 'none',
          protection_since: null,
          asylum_intents: 0,
          referrals: [],
        },
      ]),
    );
  });

  it('no longer counts a released suspect in custody', () => {
    // Given the case, when the suspect is released
    const rows = caseRowsOf(projectedCase([...stopped, released(at('13:00'), SUSPECT)]));

    // Then nobody is held, and the suspect is free
    expect(rows.cases[0]).toMatchObject({ suspects: 1, migrants: 2, in_custody: 0, version: 8 });
    expect(rows.case_persons.find((p) => p.person_id === SUSPECT)).toMatchObject({
      custody_phase: 'free',
      held_since: null,
    });
  });
});
