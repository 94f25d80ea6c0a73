import { CaseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { evolveCase } from '../../state/evolve';
import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  closed,
  given,
  intentExpressed,
  leftReception,
  opened,
  referred,
} from '../../testing/case-scenario';
import { recordLeftReception } from '../../testing/case-commands';

const personAfter = (state: CaseState, events: CaseEvent[], personId = MIGRANT) => {
  const next = events.reduce(evolveCase, state);
  if (next.status === 'none') throw new Error('expected an opened case');
  return next.persons[personId];
};

const referredMigrant = [
  opened(),
  apprehended(MIGRANT, at('09:00')),
  intentExpressed(at('10:00')),
  referred(at('12:00')),
] as const;

describe('record left reception', () => {
  it('records that a referred person left reception before lodging the application', () => {
    expect(
      given(...referredMigrant)
        .when(recordLeftReception())
        .events(),
    ).toEqual([
      {
        type: 'protection.left-reception',
        schemaVersion: 1,
        occurredAt: at('20:00'),
        data: { caseId: CASE_ID, personId: MIGRANT, facility: 'asylum-home-ljubljana' },
      },
    ]);
  });

  it('ends the referral, keeping the count of intents expressed', () => {
    const scenario = given(...referredMigrant);
    const events = scenario.when(recordLeftReception()).events();

    expect(personAfter(scenario.state, events)).toMatchObject({
      protection: 'left-reception',
      protectionSince: at('20:00'),
      asylumIntents: 1,
    });
  });

  it('takes a leaving entered before the referral, which is then missing on record', () => {
    const withIntent = given(opened(), apprehended(), intentExpressed(at('10:00')));
    const [event] = withIntent.when(recordLeftReception()).events();
    expect(withIntent.after(event).persons[MIGRANT]).toMatchObject({
      protection: 'left-reception',
      missingOnRecord: ['asylum-referral'],
    });
  });

  it('records leaving the second time round, after a new intent and referral', () => {
    const scenario = given(
      ...referredMigrant,
      leftReception(at('20:00')),
      intentExpressed(at('22:00')),
      referred(at('23:00')),
    );
    const events = scenario
      .when(recordLeftReception({ occurredAt: at('06:00', 15), facility: 'asylum-home-logatec' }))
      .events();

    expect(events).toEqual([
      {
        type: 'protection.left-reception',
        schemaVersion: 1,
        occurredAt: at('06:00', 15),
        data: { caseId: CASE_ID, personId: MIGRANT, facility: 'asylum-home-logatec' },
      },
    ]);
    expect(personAfter(scenario.state, events)).toMatchObject({
      protection: 'left-reception',
      asylumIntents: 2,
    });
  });

  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [...referredMigrant, closed()], {}, 'CASE.CLOSED'],
    [
      'a person not in the case',
      [opened(), arrested(SUSPECT, at('09:00'))],
      {},
      'PERSON.NOT_IN_CASE',
    ],
    [
      'a person who has already left',
      [...referredMigrant, leftReception(at('20:00'))],
      { occurredAt: at('21:00') },
      'ASYLUM.NOT_REFERRED',
    ],
    [
      'a time before the apprehension',
      referredMigrant,
      { occurredAt: at('08:59') },
      'TIME.BEFORE_ARREST_OR_APPREHENSION',
    ],
    [
      'a facility that is not an asylum home',
      referredMigrant,
      { facility: 'reception-centre-vrhnika' },
      'ASYLUM.INVALID_FACILITY',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(recordLeftReception(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
