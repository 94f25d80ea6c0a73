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
  opened,
  released,
  remanded,
} from '../../testing/case-scenario';
import { arrestSuspect, sealedSuspect } from '../../testing/case-commands';

const personAfter = (state: CaseState, events: CaseEvent[], personId = SUSPECT) => {
  const next = events.reduce(evolveCase, state);
  if (next.status === 'none') throw new Error('expected an opened case');
  return next.persons[personId];
};

describe('arrest suspect', () => {
  it('records the deprivation of liberty of a suspect, when it began', () => {
    expect(given(opened()).when(arrestSuspect()).events()).toEqual([
      {
        type: 'person.suspect-arrested',
        schemaVersion: 2,
        occurredAt: at('09:00'),
        data: {
          caseId: CASE_ID,
          personId: SUSPECT,
          recognised: false,
          nationality: 'RS',
          slovenianCitizen: false,
          place: 'Obrežje',
          personalData: sealedSuspect,
        },
      },
    ]);
  });

  it('puts the suspect in the case, arrested from the time of the arrest', () => {
    const scenario = given(opened());
    const suspect = personAfter(scenario.state, scenario.when(arrestSuspect()).events());

    expect(suspect).toMatchObject({
      role: 'suspect',
      recordedAt: at('09:00'),
      custody: { phase: 'arrested', deprivedAt: at('09:00') },
      apprehensions: 0,
    });
  });

  it.each([
    ['a Slovenian citizen', { nationality: 'SI', slovenianCitizen: true }],
    [
      'a dual national who is also a Slovenian citizen',
      { nationality: 'HR', slovenianCitizen: true },
    ],
    ['a suspect whose nationality is not known yet', { nationality: null, personalData: null }],
    ['a suspect known from an earlier case', { recognised: true }],
  ] as const)('accepts %s', (_label, overrides) => {
    const [event] = given(opened()).when(arrestSuspect(overrides)).events();
    expect(event.data).toMatchObject(overrides);
  });

  it('re-arrests a released suspect, keeping when they first entered the case', () => {
    const scenario = given(opened(), arrested(SUSPECT, at('09:00')), released(at('11:00')));
    const events = scenario.when(arrestSuspect({ occurredAt: at('16:00') })).events();

    expect(events).toEqual([
      {
        type: 'person.suspect-arrested',
        schemaVersion: 2,
        occurredAt: at('16:00'),
        data: {
          caseId: CASE_ID,
          personId: SUSPECT,
          recognised: false,
          nationality: 'RS',
          slovenianCitizen: false,
          place: 'Obrežje',
          personalData: sealedSuspect,
        },
      },
    ]);
    // The custody clocks must restart from the new arrest, not the first one.
    expect(personAfter(scenario.state, events)).toMatchObject({
      recordedAt: at('09:00'),
      custody: { phase: 'arrested', deprivedAt: at('16:00') },
    });
  });

  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [opened(), closed()], {}, 'CASE.CLOSED'],
    [
      'a re-arrest before the first arrest',
      [opened(), arrested(SUSPECT, at('09:00')), released(at('11:00'))],
      { occurredAt: at('08:30') },
      'TIME.BEFORE_PREVIOUS_CUSTODY_ACT',
    ],
    [
      'a re-arrest before the release',
      [opened(), arrested(SUSPECT, at('09:00')), released(at('11:00'))],
      { occurredAt: at('10:00') },
      'CUSTODY.ALREADY_HELD',
    ],
    [
      'arresting an apprehended migrant as a suspect',
      [opened(), apprehended(MIGRANT, at('09:00'))],
      { personId: MIGRANT, occurredAt: at('10:00') },
      'PERSON.ROLE_CONFLICT',
    ],
    [
      'arresting a handed-over migrant as a suspect',
      [opened(), apprehended(MIGRANT, at('09:00')), handedOver(at('11:00'), MIGRANT)],
      { personId: MIGRANT, occurredAt: at('12:00') },
      'PERSON.ROLE_CONFLICT',
    ],
    [
      'a suspect already arrested',
      [opened(), arrested(SUSPECT, at('09:00'))],
      { occurredAt: at('10:00') },
      'CUSTODY.ALREADY_HELD',
    ],
    [
      'a suspect in police detention',
      [opened(), arrested(SUSPECT, at('09:00')), detained(at('09:30'))],
      { occurredAt: at('10:00') },
      'CUSTODY.ALREADY_HELD',
    ],
    [
      'a suspect before the investigating judge',
      [opened(), arrested(SUSPECT, at('09:00')), broughtBeforeJudge(at('20:00'))],
      { occurredAt: at('21:00') },
      'CUSTODY.ALREADY_HELD',
    ],
    [
      'a suspect on remand',
      [opened(), arrested(SUSPECT, at('09:00')), broughtBeforeJudge(at('20:00')), remanded()],
      { occurredAt: at('23:00') },
      'CUSTODY.ALREADY_HELD',
    ],
    [
      'a nationality that is not a country code',
      [opened()],
      { nationality: 'SRB' },
      'PERSON.INVALID_NATIONALITY',
    ],
    ['a lower-case country code', [opened()], { nationality: 'rs' }, 'PERSON.INVALID_NATIONALITY'],
    [
      'a Slovenian national recorded as not a citizen',
      [opened()],
      { nationality: 'SI', slovenianCitizen: false },
      'PERSON.INCONSISTENT_CITIZENSHIP',
    ],
    ['a blank place', [opened()], { place: '   ' }, 'PERSON.INVALID_PLACE'],
    ['an overlong place', [opened()], { place: 'x'.repeat(201) }, 'PERSON.INVALID_PLACE'],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(arrestSuspect(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
