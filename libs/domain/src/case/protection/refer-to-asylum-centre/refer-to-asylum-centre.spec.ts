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
  broughtBeforeJudge,
  closed,
  detained,
  given,
  handedOver,
  intentExpressed,
  leftReception,
  opened,
  referred,
  released,
  remanded,
} from '../../testing/case-scenario';
import { referToAsylumCentre } from '../../testing/case-commands';

const personAfter = (state: CaseState, events: CaseEvent[], personId = MIGRANT) => {
  const next = events.reduce(evolveCase, state);
  if (next.status === 'none') throw new Error('expected an opened case');
  return next.persons[personId];
};

const withIntent = () =>
  given(opened(), apprehended(MIGRANT, at('09:00')), intentExpressed(at('10:00')));

// A suspect who asked for protection while still held by the police.
const heldSuspectWithIntent = [
  opened(),
  arrested(SUSPECT, at('09:00')),
  intentExpressed(at('10:00'), SUSPECT),
] as const;

describe('refer to asylum centre', () => {
  it('records the referral of a person who expressed the intent, to the facility named', () => {
    expect(withIntent().when(referToAsylumCentre()).events()).toEqual([
      {
        type: 'protection.referred-to-asylum-centre',
        schemaVersion: 1,
        occurredAt: at('12:00'),
        data: { caseId: CASE_ID, personId: MIGRANT, facility: 'asylum-home-logatec' },
      },
    ]);
  });

  it('marks the person as referred, without counting another intent', () => {
    const scenario = withIntent();
    const events = scenario.when(referToAsylumCentre()).events();

    expect(personAfter(scenario.state, events)).toMatchObject({
      protection: 'referred',
      protectionSince: at('12:00'),
      asylumIntents: 1,
    });
  });

  it('takes a referral entered before the intent, which is then missing on record', () => {
    const apprehendedOnly = given(opened(), apprehended());
    const [event] = apprehendedOnly.when(referToAsylumCentre()).events();
    expect(apprehendedOnly.after(event).persons[MIGRANT]).toMatchObject({
      protection: 'referred',
      missingOnRecord: ['asylum-intent'],
    });
    const complete = given(opened(), apprehended(), event).after(intentExpressed(at('10:00')));
    expect(complete.persons[MIGRANT]).toMatchObject({
      protection: 'referred',
      asylumIntents: 1,
      missingOnRecord: [],
    });
  });

  it('refers a suspect once released from criminal custody', () => {
    const scenario = given(...heldSuspectWithIntent, released(at('11:00'), SUSPECT));
    const events = scenario.when(referToAsylumCentre({ personId: SUSPECT })).events();

    expect(events).toEqual([
      {
        type: 'protection.referred-to-asylum-centre',
        schemaVersion: 1,
        occurredAt: at('12:00'),
        data: { caseId: CASE_ID, personId: SUSPECT, facility: 'asylum-home-logatec' },
      },
    ]);
  });

  it('refers again a person who left reception and expressed the intent anew', () => {
    const scenario = given(
      opened(),
      apprehended(MIGRANT, at('09:00')),
      intentExpressed(at('10:00')),
      referred(at('12:00')),
      leftReception(at('20:00')),
      intentExpressed(at('22:00')),
    );
    const events = scenario
      .when(referToAsylumCentre({ occurredAt: at('23:00'), facility: 'asylum-home-ljubljana' }))
      .events();

    expect(events[0]).toMatchObject({
      occurredAt: at('23:00'),
      data: { facility: 'asylum-home-ljubljana' },
    });
    expect(personAfter(scenario.state, events)).toMatchObject({
      protection: 'referred',
      asylumIntents: 2,
    });
  });

  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [opened(), apprehended(), intentExpressed(), closed()], {}, 'CASE.CLOSED'],
    [
      'a person not in the case',
      [opened(), arrested(SUSPECT, at('09:00'))],
      {},
      'PERSON.NOT_IN_CASE',
    ],
    [
      'a person already referred',
      [opened(), apprehended(), intentExpressed(at('10:00')), referred(at('12:00'))],
      { occurredAt: at('13:00') },
      'ASYLUM.ALREADY_REFERRED',
    ],
    [
      // The intent, dated before the handover, was recorded after it.
      'a person handed over before the referral',
      [opened(), apprehended(MIGRANT, at('09:00')), handedOver(at('11:00')), intentExpressed()],
      { occurredAt: at('11:30') },
      'PERSON.HANDED_OVER',
    ],
    [
      'a suspect held after arrest',
      heldSuspectWithIntent,
      { personId: SUSPECT },
      'CUSTODY.HELD_IN_CRIMINAL_CUSTODY',
    ],
    [
      'a suspect in police detention',
      [...heldSuspectWithIntent, detained(at('10:30'))],
      { personId: SUSPECT },
      'CUSTODY.HELD_IN_CRIMINAL_CUSTODY',
    ],
    [
      'a suspect on remand',
      [...heldSuspectWithIntent, broughtBeforeJudge(at('11:00')), remanded(at('11:30'))],
      { personId: SUSPECT },
      'CUSTODY.HELD_IN_CRIMINAL_CUSTODY',
    ],
    [
      'a time before the apprehension',
      [opened(), apprehended(MIGRANT, at('09:00')), intentExpressed(at('10:00'))],
      { occurredAt: at('08:59') },
      'TIME.BEFORE_ARREST_OR_APPREHENSION',
    ],
    [
      'a facility that is not an asylum home',
      [opened(), apprehended(), intentExpressed()],
      { facility: 'detention-centre-postojna' },
      'ASYLUM.INVALID_FACILITY',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(referToAsylumCentre(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
