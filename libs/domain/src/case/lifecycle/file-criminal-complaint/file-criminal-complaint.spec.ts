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
  opened,
} from '../../testing/case-scenario';
import { fileCriminalComplaint } from '../../testing/case-commands';

const SECOND_SUSPECT = '5a1d0d0e-1111-4e5f-8a9b-000000000003';
const STRANGER = '5a1d0d0e-9999-4e5f-8a9b-000000000009';

const withSuspects = () => [opened(), arrested(), arrested(SECOND_SUSPECT), apprehended()];

describe('file criminal complaint', () => {
  it('records the complaint against the named suspects, each once', () => {
    const command = fileCriminalComplaint({ suspectIds: [SUSPECT, SECOND_SUSPECT, SUSPECT] });
    expect(
      given(...withSuspects())
        .when(command)
        .events(),
    ).toEqual([
      {
        type: 'case.criminal-complaint-filed',
        schemaVersion: 1,
        occurredAt: at('12:00'),
        data: {
          caseId: CASE_ID,
          prosecutorOffice: 'ODT Novo mesto',
          reference: 'KU 1/24',
          suspectIds: [SUSPECT, SECOND_SUSPECT],
        },
      },
    ]);
  });

  it('files against an unknown perpetrator when no suspect is named', () => {
    const [event] = given(opened())
      .when(fileCriminalComplaint({ suspectIds: [] }))
      .events();
    expect(event.data).toEqual({
      caseId: CASE_ID,
      prosecutorOffice: 'ODT Novo mesto',
      reference: 'KU 1/24',
      suspectIds: [],
    });
  });

  it('files a further complaint under another reference', () => {
    const [event] = given(...withSuspects(), complaintFiled())
      .when(fileCriminalComplaint({ reference: 'KU 2/24', suspectIds: [SECOND_SUSPECT] }))
      .events();
    expect(event.data).toEqual({
      caseId: CASE_ID,
      prosecutorOffice: 'ODT Novo mesto',
      reference: 'KU 2/24',
      suspectIds: [SECOND_SUSPECT],
    });
  });

  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [...withSuspects(), closed()], {}, 'CASE.CLOSED'],
    ['a blank reference', withSuspects(), { reference: '  ' }, 'CASE.INVALID_REFERENCE'],
    [
      'an overlong reference',
      withSuspects(),
      { reference: 'x'.repeat(201) },
      'CASE.INVALID_REFERENCE',
    ],
    [
      'a reference already filed',
      [...withSuspects(), complaintFiled()],
      {},
      'CASE.COMPLAINT_ALREADY_FILED',
    ],
    ['a person not in the case', withSuspects(), { suspectIds: [STRANGER] }, 'PERSON.NOT_IN_CASE'],
    [
      'an apprehended migrant named as a suspect',
      withSuspects(),
      { suspectIds: [SUSPECT, MIGRANT] },
      'PERSON.NOT_A_SUSPECT',
    ],
    [
      'a blank prosecutor office',
      withSuspects(),
      { prosecutorOffice: ' ' },
      'CASE.INVALID_PROSECUTOR_OFFICE',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(fileCriminalComplaint(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
