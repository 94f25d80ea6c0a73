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
  handedOver,
  intentExpressed,
  leftReception,
  opened,
  referred,
} from '../../testing/case-scenario';
import { expressAsylumIntent } from '../../testing/case-commands';

const intentEvent = (occurredAt: Date, data: object = {}) => ({
  type: 'protection.asylum-intent-expressed',
  schemaVersion: 1,
  occurredAt,
  data: {
    caseId: CASE_ID,
    personId: MIGRANT,
    expressedTo: 'police',
    authority: null,
    statement: 'handwritten',
    ...data,
  },
});

const personAfter = (state: CaseState, events: CaseEvent[], personId = MIGRANT) => {
  const next = events.reduce(evolveCase, state);
  if (next.status === 'none') throw new Error('expected an opened case');
  return next.persons[personId];
};

const withMigrant = () => given(opened(), apprehended(MIGRANT, at('09:00')));

describe('express asylum intent', () => {
  it('records the intent to apply for international protection, expressed to the police', () => {
    expect(withMigrant().when(expressAsylumIntent()).events()).toEqual([intentEvent(at('10:00'))]);
  });

  it('puts the person under protection from that moment, with one intent counted', () => {
    const scenario = withMigrant();
    const migrant = personAfter(scenario.state, scenario.when(expressAsylumIntent()).events());

    expect(migrant).toMatchObject({
      protection: 'intent-expressed',
      protectionSince: at('10:00'),
      asylumIntents: 1,
    });
  });

  it('records an intent expressed to another authority, naming it', () => {
    const events = withMigrant()
      .when(
        expressAsylumIntent({
          expressedTo: 'other-authority',
          authority: '  Upravna enota Brežice  ',
          statement: 'dictated',
        }),
      )
      .events();

    expect(events).toEqual([
      intentEvent(at('10:00'), {
        expressedTo: 'other-authority',
        authority: 'Upravna enota Brežice',
        statement: 'dictated',
      }),
    ]);
  });

  it('records a blank authority as none when the intent was expressed to the police', () => {
    const [event] = withMigrant()
      .when(expressAsylumIntent({ authority: '   ', statement: 'refused' }))
      .events();
    expect(event.data).toMatchObject({ authority: null, statement: 'refused' });
  });

  it('counts an intent expressed again after leaving reception instead of refusing it', () => {
    const scenario = given(
      opened(),
      apprehended(MIGRANT, at('09:00')),
      intentExpressed(at('10:00')),
      referred(at('12:00')),
      leftReception(at('20:00')),
    );
    const events = scenario.when(expressAsylumIntent({ occurredAt: at('22:00') })).events();

    expect(events).toEqual([intentEvent(at('22:00'))]);
    expect(personAfter(scenario.state, events)).toMatchObject({
      protection: 'intent-expressed',
      protectionSince: at('22:00'),
      asylumIntents: 2,
    });
  });

  it('counts a repeated intent while the first still stands', () => {
    const scenario = given(
      opened(),
      apprehended(MIGRANT, at('09:00')),
      intentExpressed(at('10:00')),
    );
    const events = scenario.when(expressAsylumIntent({ occurredAt: at('10:30') })).events();

    expect(personAfter(scenario.state, events).asylumIntents).toBe(2);
  });

  // Recorded late, an intent dated before the handover stands; the handover stays recorded.
  it('records an intent dated before a handover that was recorded first', () => {
    const scenario = given(opened(), apprehended(MIGRANT, at('09:00')), handedOver(at('11:00')));
    const events = scenario.when(expressAsylumIntent({ occurredAt: at('10:59') })).events();

    expect(events).toEqual([intentEvent(at('10:59'))]);
    expect(personAfter(scenario.state, events)).toMatchObject({
      custody: { phase: 'handed-over', at: at('11:00') },
      protection: 'intent-expressed',
      asylumIntents: 1,
    });
  });

  // Criminal custody does not take away the right to ask for protection.
  it('records the intent of an arrested suspect who is not a Slovenian citizen', () => {
    const scenario = given(opened(), arrested(SUSPECT, at('09:00'), 'RS'));
    const events = scenario.when(expressAsylumIntent({ personId: SUSPECT })).events();

    expect(events[0].data).toMatchObject({ personId: SUSPECT, expressedTo: 'police' });
    expect(personAfter(scenario.state, events, SUSPECT).asylumIntents).toBe(1);
  });

  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [opened(), apprehended(), closed()], {}, 'CASE.CLOSED'],
    [
      'a person not in the case',
      [opened(), arrested(SUSPECT, at('09:00'))],
      {},
      'PERSON.NOT_IN_CASE',
    ],
    [
      'a Slovenian citizen',
      [opened(), arrested(SUSPECT, at('09:00'), 'SI')],
      { personId: SUSPECT },
      'PERSON.SLOVENIAN_CITIZEN',
    ],
    [
      'a person already handed over to foreign authorities',
      [opened(), apprehended(MIGRANT, at('09:00')), handedOver(at('11:00'))],
      { occurredAt: at('12:00') },
      'PERSON.HANDED_OVER',
    ],
    [
      'an intent at the very time of the handover',
      [opened(), apprehended(MIGRANT, at('09:00')), handedOver(at('11:00'))],
      { occurredAt: at('11:00') },
      'PERSON.HANDED_OVER',
    ],
    [
      'a time before the apprehension',
      [opened(), apprehended(MIGRANT, at('09:00'))],
      { occurredAt: at('08:59') },
      'TIME.BEFORE_ARREST_OR_APPREHENSION',
    ],
    [
      'an unknown kind of authority',
      [opened(), apprehended()],
      { expressedTo: 'court' },
      'ASYLUM.INVALID_AUTHORITY',
    ],
    [
      'an overlong authority name',
      [opened(), apprehended()],
      { expressedTo: 'other-authority', authority: 'x'.repeat(201) },
      'ASYLUM.INVALID_AUTHORITY',
    ],
    [
      'another authority left unnamed',
      [opened(), apprehended()],
      { expressedTo: 'other-authority', authority: null },
      'ASYLUM.AUTHORITY_REQUIRED',
    ],
    [
      'another authority named only by blanks',
      [opened(), apprehended()],
      { expressedTo: 'other-authority', authority: '  ' },
      'ASYLUM.AUTHORITY_REQUIRED',
    ],
    [
      'an unknown kind of statement',
      [opened(), apprehended()],
      { statement: 'oral' },
      'ASYLUM.INVALID_STATEMENT',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(expressAsylumIntent(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
