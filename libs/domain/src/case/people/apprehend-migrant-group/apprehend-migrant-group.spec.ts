import { CaseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { evolveCase } from '../../state/evolve';
import {
  CASE_ID,
  GROUP_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  closed,
  given,
  opened,
} from '../../testing/case-scenario';
import { apprehendMigrantGroup, memberId, migrantToApprehend } from '../../testing/case-commands';

const migrants = (count: number) =>
  Array.from({ length: count }, (_, i) => migrantToApprehend({ personId: memberId(i + 1) }));

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
    expect(given(opened()).when(apprehendMigrantGroup()).events()).toEqual([
      apprehendedInGroup({ personId: memberId(1), nationality: 'SY' }),
      apprehendedInGroup({ personId: memberId(2), nationality: 'AF', minor: true }),
      apprehendedInGroup({ personId: memberId(3), nationality: null, recognised: true }),
    ]);
  });

  it('puts every member of the group in the case as an apprehended migrant', () => {
    const scenario = given(opened());
    const file = fileAfter(scenario.state, scenario.when(apprehendMigrantGroup()).events());

    expect(Object.keys(file.persons).sort()).toEqual([memberId(1), memberId(2), memberId(3)]);
    for (const id of [memberId(1), memberId(2), memberId(3)]) {
      expect(file.persons[id]).toMatchObject({ role: 'migrant', apprehensions: 1 });
    }
    expect(file.persons[memberId(2)].minor).toBe(true);
  });

  it('counts a member already apprehended in the case as apprehended again', () => {
    const scenario = given(opened(), apprehended(MIGRANT, at('08:30')));
    const events = scenario
      .when(
        apprehendMigrantGroup({
          migrants: [
            migrantToApprehend({ personId: MIGRANT }),
            migrantToApprehend({ personId: memberId(2) }),
          ],
        }),
      )
      .events();
    const file = fileAfter(scenario.state, events);

    expect(groupIds(events)).toEqual([GROUP_ID, GROUP_ID]);
    expect(file.persons[MIGRANT].apprehensions).toBe(2);
    expect(file.persons[memberId(2)].apprehensions).toBe(1);
  });

  it.each([1, 200])('accepts a group of %i', (size) => {
    const events = given(opened())
      .when(apprehendMigrantGroup({ migrants: migrants(size) }))
      .events();
    expect(events).toHaveLength(size);
    expect(new Set(groupIds(events))).toEqual(new Set([GROUP_ID]));
  });

  // Every row lists one offending member among valid ones: the whole group is refused, not split.
  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [opened(), closed()], {}, 'CASE.CLOSED'],
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
          migrantToApprehend({ personId: memberId(1) }),
          migrantToApprehend({ personId: memberId(2) }),
          migrantToApprehend({ personId: memberId(1) }),
        ],
      },
      'PERSON.DUPLICATE_IN_GROUP',
    ],
    ['a blank place', [opened()], { place: '  ' }, 'PERSON.INVALID_PLACE'],
    ['an overlong place', [opened()], { place: 'x'.repeat(201) }, 'PERSON.INVALID_PLACE'],
    [
      'a member who is a suspect in the case',
      [opened(), arrested(SUSPECT, at('08:30'))],
      {
        migrants: [
          migrantToApprehend({ personId: memberId(1) }),
          migrantToApprehend({ personId: SUSPECT }),
        ],
      },
      'PERSON.ROLE_CONFLICT',
    ],
    [
      'a member with a nationality that is not a country code',
      [opened()],
      {
        migrants: [
          migrantToApprehend({ personId: memberId(1) }),
          migrantToApprehend({ personId: memberId(2), nationality: 'Syria' }),
        ],
      },
      'PERSON.INVALID_NATIONALITY',
    ],
    [
      'a member who is a Slovenian national',
      [opened()],
      {
        migrants: [
          migrantToApprehend({ personId: memberId(1) }),
          migrantToApprehend({ personId: memberId(2), nationality: 'SI' }),
        ],
      },
      'PERSON.SLOVENIAN_NOT_MIGRANT',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(apprehendMigrantGroup(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
