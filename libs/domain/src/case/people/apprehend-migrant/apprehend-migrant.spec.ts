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
import { apprehendMigrant, sealedMigrant } from '../../testing/case-commands';

const personAfter = (state: CaseState, events: CaseEvent[], personId = MIGRANT) => {
  const next = events.reduce(evolveCase, state);
  if (next.status === 'none') throw new Error('expected an opened case');
  return next.persons[personId];
};

describe('apprehend migrant', () => {
  it('records the apprehension of a migrant on their own, outside any group', () => {
    expect(given(opened()).when(apprehendMigrant()).events()).toEqual([
      {
        type: 'person.migrant-apprehended',
        schemaVersion: 1,
        occurredAt: at('09:00'),
        data: {
          caseId: CASE_ID,
          personId: MIGRANT,
          recognised: false,
          nationality: 'AF',
          minor: true,
          place: 'Obrežje',
          groupId: null,
          personalData: sealedMigrant,
        },
      },
    ]);
  });

  it('puts the migrant in the case, free and apprehended once', () => {
    const scenario = given(opened());
    const migrant = personAfter(scenario.state, scenario.when(apprehendMigrant()).events());

    expect(migrant).toMatchObject({
      role: 'migrant',
      nationality: 'AF',
      slovenianCitizen: false,
      minor: true,
      recordedAt: at('09:00'),
      apprehensions: 1,
      custody: { phase: 'free' },
      protection: 'none',
    });
  });

  it('accepts a migrant whose nationality is not known yet', () => {
    const [event] = given(opened())
      .when(apprehendMigrant({ nationality: null, personalData: null }))
      .events();
    expect(event.data).toMatchObject({ nationality: null, personalData: null });
  });

  it('counts a migrant apprehended twice in the case instead of refusing the repeat', () => {
    const scenario = given(opened(), apprehended(MIGRANT, at('09:00')));
    const events = scenario
      .when(apprehendMigrant({ occurredAt: at('18:00'), recognised: true }))
      .events();

    expect(events).toEqual([
      {
        type: 'person.migrant-apprehended',
        schemaVersion: 1,
        occurredAt: at('18:00'),
        data: {
          caseId: CASE_ID,
          personId: MIGRANT,
          recognised: true,
          nationality: 'AF',
          minor: true,
          place: 'Obrežje',
          groupId: null,
          personalData: sealedMigrant,
        },
      },
    ]);
    expect(personAfter(scenario.state, events)).toMatchObject({
      apprehensions: 2,
      recordedAt: at('09:00'),
    });
  });

  it('takes an apprehension entered after a later one: the person is in the case from the earlier', () => {
    const scenario = given(opened(), apprehended(MIGRANT, at('09:00')));
    const events = scenario.when(apprehendMigrant({ occurredAt: at('08:30') })).events();
    expect(personAfter(scenario.state, events)).toMatchObject({
      recordedAt: at('08:30'),
      apprehensions: 2,
    });
  });

  it('counts a migrant caught again after leaving the Asylum Home', () => {
    const scenario = given(
      opened(),
      apprehended(MIGRANT, at('09:00')),
      intentExpressed(at('10:00')),
      referred(at('12:00')),
      leftReception(at('20:00')),
    );
    const events = scenario.when(apprehendMigrant({ occurredAt: at('06:00', 15) })).events();

    expect(events).toHaveLength(1);
    expect(personAfter(scenario.state, events)).toMatchObject({
      apprehensions: 2,
      protection: 'left-reception',
      asylumIntents: 1,
    });
  });

  it('counts a migrant who came back after being handed over, and frees them in the case', () => {
    const scenario = given(opened(), apprehended(MIGRANT, at('09:00')), handedOver(at('11:00')));
    const events = scenario.when(apprehendMigrant({ occurredAt: at('06:00', 15) })).events();

    expect(personAfter(scenario.state, events)).toMatchObject({
      apprehensions: 2,
      custody: { phase: 'free' },
    });
  });

  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [opened(), closed()], {}, 'CASE.CLOSED'],
    [
      'apprehending an arrested suspect as a migrant',
      [opened(), arrested(SUSPECT, at('09:00'))],
      { personId: SUSPECT, occurredAt: at('10:00') },
      'PERSON.ROLE_CONFLICT',
    ],
    [
      'a nationality that is not a country code',
      [opened()],
      { nationality: 'AFG' },
      'PERSON.INVALID_NATIONALITY',
    ],
    ['a Slovenian national', [opened()], { nationality: 'SI' }, 'PERSON.SLOVENIAN_NOT_MIGRANT'],
    ['a blank place', [opened()], { place: ' ' }, 'PERSON.INVALID_PLACE'],
    ['an overlong place', [opened()], { place: 'x'.repeat(201) }, 'PERSON.INVALID_PLACE'],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(apprehendMigrant(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
