import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  closed,
  complaintFiled,
  given,
  indicted,
  opened,
  referredToProsecution,
} from '../../testing/case-scenario';
import { recordIndictment } from '../../testing/case-commands';

const SECOND_SUSPECT = '5a1d0d0e-1111-4e5f-8a9b-000000000003';
const STRANGER = '5a1d0d0e-9999-4e5f-8a9b-000000000009';

const referredCase = () => [
  opened(),
  arrested(),
  arrested(SECOND_SUSPECT),
  apprehended(),
  complaintFiled(at('12:00'), [SUSPECT, SECOND_SUSPECT]),
  referredToProsecution(),
];

describe('record indictment', () => {
  it('records the indictment against the named defendants, each once', () => {
    const command = recordIndictment({ defendantIds: [SECOND_SUSPECT, SUSPECT, SECOND_SUSPECT] });
    expect(
      given(...referredCase())
        .when(command)
        .events(),
    ).toEqual([
      {
        type: 'case.indictment-filed',
        schemaVersion: 1,
        occurredAt: at('10:00', 15),
        data: {
          caseId: CASE_ID,
          court: 'Okrožno sodišče v Novem mestu',
          reference: 'K 1/24',
          defendantIds: [SECOND_SUSPECT, SUSPECT],
        },
      },
    ]);
  });

  it('records a further indictment under another reference', () => {
    const [event] = given(...referredCase(), indicted())
      .when(recordIndictment({ reference: 'K 2/24', defendantIds: [SECOND_SUSPECT] }))
      .events();
    expect(event.data).toEqual({
      caseId: CASE_ID,
      court: 'Okrožno sodišče v Novem mestu',
      reference: 'K 2/24',
      defendantIds: [SECOND_SUSPECT],
    });
  });

  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [...referredCase(), closed()], {}, 'CASE.CLOSED'],
    [
      'a case not referred to prosecution',
      [opened(), arrested(), complaintFiled()],
      {},
      'CASE.NOT_REFERRED',
    ],
    ['a blank reference', referredCase(), { reference: ' ' }, 'CASE.INVALID_REFERENCE'],
    [
      'a reference already recorded',
      [...referredCase(), indicted()],
      {},
      'CASE.INDICTMENT_ALREADY_RECORDED',
    ],
    ['no defendants', referredCase(), { defendantIds: [] }, 'CASE.NO_DEFENDANTS'],
    [
      'a person not in the case',
      referredCase(),
      { defendantIds: [STRANGER] },
      'PERSON.NOT_IN_CASE',
    ],
    [
      'an apprehended migrant as a defendant',
      referredCase(),
      { defendantIds: [MIGRANT] },
      'PERSON.NOT_A_SUSPECT',
    ],
    ['a blank court', referredCase(), { court: '' }, 'CASE.INVALID_COURT'],
    ['an overlong court', referredCase(), { court: 'x'.repeat(201) }, 'CASE.INVALID_COURT'],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(recordIndictment(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
