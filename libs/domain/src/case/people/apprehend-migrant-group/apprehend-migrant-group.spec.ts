import { CaseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { evolveCase } from '../../state/evolve';
import {
  CASE_ID,
  MIGRANT,
  NOW,
  SUSPECT,
  apprehended,
  arrested,
  at,
  closed,
  given,
  opened,
} from '../../testing/case-scenario';
import { MigrantToApprehend } from '../apprehend-migrant/apprehend-migrant.command';
import { ApprehendMigrantGroup } from './apprehend-migrant-group.command';

const GROUP_ID = '7e3f1a2b-9c8d-4e5f-a6b7-000000000001';
const personId = (n: number) => `5a1d0d0e-3333-4e5f-8a9b-${String(n).padStart(12, '0')}`;

const migrant = (overrides: Partial<MigrantToApprehend> = {}): MigrantToApprehend => ({
  personId: personId(1),
  recognised: false,
  nationality: 'SY',
  minor: false,
  personalData: null,
  ...overrides,
});

const migrants = (count: number) =>
  Array.from({ length: count }, (_, i) => migrant({ personId: personId(i + 1) }));

const apprehendGroup = (overrides: Partial<ApprehendMigrantGroup> = {}): ApprehendMigrantGroup => ({
  type: 'ApprehendMigrantGroup',
  caseId: CASE_ID,
  groupId: GROUP_ID,
  occurredAt: at('09:00'),
  place: '  Obrežje, by the Krka  ',
  migrants: [
    migrant({ personId: personId(1), nationality: 'SY' }),
    migrant({ personId: personId(2), nationality: 'AF', minor: true }),
    migrant({ personId: personId(3), nationality: null, recognised: true }),
  ],
  ...overrides,
});

const apprehendedInGroup = (data: {
  personId: string;
  nationality: string | null;
  minor?: boolean;
  recognised?: boolean;
}) => ({
  type: 'person.migrant-apprehended',
  schemaVersion: 1,
  occurredAt: at('09:00'),
  data: {
    caseId: CASE_ID,
    personId: data.personId,
    recognised: data.recognised ?? false,
    nationality: data.nationality,
    minor: data.minor ?? false,
    place: 'Obrežje, by the Krka',
    groupId: GROUP_ID,
    personalData: null,
  },
});

const fileAfter = (state: CaseState, events: CaseEvent[]) => {
  const next = events.reduce(evolveCase, state);
  if (next.status === 'none') throw new Error('expected an opened case');
  return next;
};

const groupIds = (events: CaseEvent[]) =>
  events.map((e) => (e.type === 'person.migrant-apprehended' ? e.data.groupId : e.type));

describe('apprehend migrant group', () => {
  it('records one apprehension per person, all sharing the group id', () => {
    expect(given(opened()).when(apprehendGroup()).events()).toEqual([
      apprehendedInGroup({ personId: personId(1), nationality: 'SY' }),
      apprehendedInGroup({ personId: personId(2), nationality: 'AF', minor: true }),
      apprehendedInGroup({ personId: personId(3), nationality: null, recognised: true }),
    ]);
  });

  it('puts every member of the group in the case as an apprehended migrant', () => {
    const scenario = given(opened());
    const file = fileAfter(scenario.state, scenario.when(apprehendGroup()).events());

    expect(Object.keys(file.persons).sort()).toEqual([personId(1), personId(2), personId(3)]);
    for (const id of [personId(1), personId(2), personId(3)]) {
      expect(file.persons[id]).toMatchObject({ role: 'migrant', apprehensions: 1 });
    }
    expect(file.persons[personId(2)].minor).toBe(true);
  });

  it('counts a member already apprehended in the case as apprehended again', () => {
    const scenario = given(opened(), apprehended(MIGRANT, at('08:30')));
    const events = scenario
      .when(
        apprehendGroup({
          migrants: [migrant({ personId: MIGRANT }), migrant({ personId: personId(2) })],
        }),
      )
      .events();
    const file = fileAfter(scenario.state, events);

    expect(groupIds(events)).toEqual([GROUP_ID, GROUP_ID]);
    expect(file.persons[MIGRANT].apprehensions).toBe(2);
    expect(file.persons[personId(2)].apprehensions).toBe(1);
  });

  it.each([1, 200])('accepts a group of %i', (size) => {
    const events = given(opened())
      .when(apprehendGroup({ migrants: migrants(size) }))
      .events();
    expect(events).toHaveLength(size);
    expect(new Set(groupIds(events))).toEqual(new Set([GROUP_ID]));
  });

  // Every row lists one offending member among valid ones: the whole group is refused, not split.
  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [opened(), closed()], {}, 'CASE.CLOSED'],
    ['an invalid time', [opened()], { occurredAt: new Date('not a date') }, 'TIME.INVALID'],
    [
      'a time in the future',
      [opened()],
      { occurredAt: new Date(NOW.getTime() + 5 * 60_000) },
      'TIME.IN_FUTURE',
    ],
    ['an empty group', [opened()], { migrants: [] }, 'PERSON.INVALID_GROUP_SIZE'],
    [
      'a group larger than the limit',
      [opened()],
      { migrants: migrants(201) },
      'PERSON.INVALID_GROUP_SIZE',
    ],
    [
      'the same person listed twice',
      [opened()],
      {
        migrants: [
          migrant({ personId: personId(1) }),
          migrant({ personId: personId(2) }),
          migrant({ personId: personId(1) }),
        ],
      },
      'PERSON.DUPLICATE_IN_GROUP',
    ],
    ['a blank place', [opened()], { place: '  ' }, 'PERSON.INVALID_PLACE'],
    ['an overlong place', [opened()], { place: 'x'.repeat(201) }, 'PERSON.INVALID_PLACE'],
    [
      'a member who is a suspect in the case',
      [opened(), arrested(SUSPECT, at('08:30'))],
      { migrants: [migrant({ personId: personId(1) }), migrant({ personId: SUSPECT })] },
      'PERSON.ROLE_CONFLICT',
    ],
    [
      'a member with a nationality that is not a country code',
      [opened()],
      {
        migrants: [
          migrant({ personId: personId(1) }),
          migrant({ personId: personId(2), nationality: 'Syria' }),
        ],
      },
      'PERSON.INVALID_NATIONALITY',
    ],
    [
      'a member who is a Slovenian national',
      [opened()],
      {
        migrants: [
          migrant({ personId: personId(1) }),
          migrant({ personId: personId(2), nationality: 'SI' }),
        ],
      },
      'PERSON.SLOVENIAN_NOT_MIGRANT',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(apprehendGroup(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
