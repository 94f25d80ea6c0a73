import { refusalOf } from '../../case/testing/case-scenario';
import { foldProcedure } from '../state/procedure.state';
import { GROUP_ID, NOW, at } from '../testing/procedure-scenario';
import { foreignerId, foreigner, groupToApprehend } from '../testing/procedure-commands';
import { ApprehendForeigners } from './apprehend-foreigners.command';
import { apprehendForeigners } from './apprehend-foreigners.decision';

const refusal = (overrides: Partial<ApprehendForeigners>) =>
  refusalOf(() => apprehendForeigners(groupToApprehend(overrides), NOW));

describe('apprehend foreigners', () => {
  it('opens one procedure per person, in the order given, each with its own steps', () => {
    const decided = apprehendForeigners(groupToApprehend(), NOW);
    expect(decided.map((d) => d.procedureId)).toEqual([
      foreignerId(1),
      foreignerId(2),
      foreignerId(3),
    ]);
    expect(decided.map((d) => d.events.map((e) => e.type))).toEqual([
      [
        'procedure.foreigner-apprehended',
        'procedure.asylum-intent-expressed',
        'procedure.referred',
      ],
      ['procedure.foreigner-apprehended', 'procedure.border-detention-started'],
      ['procedure.foreigner-apprehended', 'procedure.handed-over'],
    ]);
    expect(decided[1].events[0]).toEqual({
      type: 'procedure.foreigner-apprehended',
      schemaVersion: 1,
      occurredAt: at('02:10'),
      data: {
        procedureId: foreignerId(2),
        personId: foreignerId(2, '1111'),
        recognised: false,
        directorate: 'novo-mesto',
        borderSection: 'Obrežje',
        cameFrom: 'HR',
        place: 'Obrežje, by the Krka',
        nationality: null,
        minor: true,
        groupId: GROUP_ID,
        caseId: null,
        jointOperation: 'HR-SI-2024-03',
        personalData: null,
      },
    });
    expect(foldProcedure(decided[0].events)).toMatchObject({
      intentAt: at('03:00'),
      referral: { destination: 'asylum-home-logatec', at: at('06:00') },
    });
  });

  it.each([1, 200])('takes a group of %i', (size) => {
    const persons = Array.from({ length: size }, (_, i) => foreigner(i + 1));
    expect(apprehendForeigners(groupToApprehend({ persons }), NOW)).toHaveLength(size);
  });

  // Each row has one bad line among good ones: the whole group is refused, and the refusal
  // says which person, so that the officer mends that line.
  it.each([
    ['an empty group', { persons: [] }, 'PERSON.INVALID_GROUP_SIZE', undefined],
    [
      'a group over the limit',
      { persons: Array.from({ length: 201 }, (_, i) => foreigner(i + 1)) },
      'PERSON.INVALID_GROUP_SIZE',
      undefined,
    ],
    [
      'a person listed twice',
      { persons: [foreigner(1), foreigner(2), foreigner(1)] },
      'PERSON.DUPLICATE_IN_GROUP',
      undefined,
    ],
    ['an unknown directorate', { directorate: 'zagreb' }, 'CASE.UNKNOWN_DIRECTORATE', undefined],
    [
      'a country that is not a neighbour',
      { cameFrom: 'RS' },
      'PROCEDURE.INVALID_COUNTRY',
      undefined,
    ],
    ['a blank place', { place: ' ' }, 'PERSON.INVALID_PLACE', undefined],
    [
      'a Slovenian national',
      { persons: [foreigner(1), foreigner(2, { nationality: 'SI' })] },
      'PERSON.SLOVENIAN_NOT_MIGRANT',
      1,
    ],
    [
      'a handover after an intent',
      {
        persons: [
          foreigner(1),
          foreigner(2, {
            intent: { occurredAt: at('03:00'), statement: 'dictated' },
            handover: { occurredAt: at('04:00'), country: 'HR', authority: 'PU Karlovac' },
          }),
        ],
      },
      'ASYLUM.CANNOT_RETURN',
      1,
    ],
    [
      'a step before the apprehension',
      { persons: [foreigner(1, { intent: { occurredAt: at('01:00'), statement: 'dictated' } })] },
      'PROCEDURE.BEFORE_APPREHENSION',
      0,
    ],
    [
      'a referral and a release both',
      {
        persons: [
          foreigner(1, {
            referral: { occurredAt: at('04:00'), destination: 'aliens-centre' },
            release: { occurredAt: at('05:00'), reason: 'x' },
          }),
        ],
      },
      'PROCEDURE.CONCLUDED',
      0,
    ],
  ] as const)('refuses %s', (_label, overrides, code, index) => {
    const error = refusal(overrides);
    expect(error.code).toBe(code);
    expect(error.details.person).toBe(index);
  });
});
