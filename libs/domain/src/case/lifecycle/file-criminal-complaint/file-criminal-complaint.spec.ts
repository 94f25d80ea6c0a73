import {
  CASE_ID,
  MIGRANT,
  NOW,
  SUSPECT,
  apprehended,
  arrested,
  at,
  closed,
  complaintFiled,
  given,
  opened,
} from '../../testing/case-scenario';
import { FileCriminalComplaint } from './file-criminal-complaint.command';

const SECOND_SUSPECT = '5a1d0d0e-1111-4e5f-8a9b-000000000003';
const STRANGER = '5a1d0d0e-9999-4e5f-8a9b-000000000009';

const fileComplaint = (overrides: Partial<FileCriminalComplaint> = {}): FileCriminalComplaint => ({
  type: 'FileCriminalComplaint',
  caseId: CASE_ID,
  occurredAt: at('12:00'),
  prosecutorOffice: '  ODT Novo mesto  ',
  reference: '  KU 1/24  ',
  suspectIds: [SUSPECT],
  ...overrides,
});

const withSuspects = () => [opened(), arrested(), arrested(SECOND_SUSPECT), apprehended()];

describe('file criminal complaint', () => {
  it('records the complaint against the named suspects, each once', () => {
    const command = fileComplaint({ suspectIds: [SUSPECT, SECOND_SUSPECT, SUSPECT] });
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
      .when(fileComplaint({ suspectIds: [] }))
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
      .when(fileComplaint({ reference: 'KU 2/24', suspectIds: [SECOND_SUSPECT] }))
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
    [
      'a time in the future',
      withSuspects(),
      { occurredAt: new Date(NOW.getTime() + 5 * 60_000) },
      'TIME.IN_FUTURE',
    ],
    ['an invalid time', withSuspects(), { occurredAt: new Date('not a date') }, 'TIME.INVALID'],
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
        .when(fileComplaint(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
