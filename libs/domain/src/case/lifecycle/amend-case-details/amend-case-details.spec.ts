import { CaseDetailsAmended, caseEvent } from '../../events';
import { CASE_ID, at, closed, given, opened } from '../../testing/case-scenario';
import { amendCaseDetails } from '../../testing/case-commands';

const amended = (changes: CaseDetailsAmended['data']['changes'], occurredAt = at('09:00')) =>
  caseEvent<CaseDetailsAmended>('case.details-amended', occurredAt, { caseId: CASE_ID, changes });

describe('amend case details', () => {
  it('records only the details that change, trimmed', () => {
    const command = amendCaseDetails({
      borderSection: '  Obrežje  ',
      offenceParagraph: 4,
      summary: '  Van with 14 migrants stopped near Obrežje.  ',
    });
    expect(given(opened()).when(command).events()).toEqual([
      {
        type: 'case.details-amended',
        schemaVersion: 1,
        occurredAt: at('10:00'),
        data: {
          caseId: CASE_ID,
          changes: {
            offence: { article: 308, paragraph: 4 },
            summary: 'Van with 14 migrants stopped near Obrežje.',
          },
        },
      },
    ]);
  });

  it('records a new border section', () => {
    expect(
      given(opened())
        .when(amendCaseDetails({ borderSection: 'Metlika' }))
        .events(),
    ).toEqual([
      {
        type: 'case.details-amended',
        schemaVersion: 1,
        occurredAt: at('10:00'),
        data: { caseId: CASE_ID, changes: { borderSection: 'Metlika' } },
      },
    ]);
  });

  it('compares with the details as already amended', () => {
    // Going back to the original paragraph is a change once it has been amended away from it.
    const history = [opened(), amended({ offence: { article: 308, paragraph: 4 } })];
    expect(
      given(...history)
        .when(amendCaseDetails({ offenceParagraph: 3 }))
        .events(),
    ).toEqual([
      {
        type: 'case.details-amended',
        schemaVersion: 1,
        occurredAt: at('10:00'),
        data: { caseId: CASE_ID, changes: { offence: { article: 308, paragraph: 3 } } },
      },
    ]);
  });

  it.each([
    ['an unknown case', [], { summary: 'New summary.' }, 'CASE.NOT_FOUND'],
    ['a closed case', [opened(), closed()], { summary: 'New summary.' }, 'CASE.CLOSED'],
    ['a blank border section', [opened()], { borderSection: '  ' }, 'CASE.INVALID_BORDER_SECTION'],
    [
      'an overlong border section',
      [opened()],
      { borderSection: 'x'.repeat(121) },
      'CASE.INVALID_BORDER_SECTION',
    ],
    [
      'a paragraph Art. 308 does not have',
      [opened()],
      { offenceParagraph: 7 },
      'CASE.UNKNOWN_OFFENCE_PARAGRAPH',
    ],
    ['a blank summary', [opened()], { summary: ' ' }, 'CASE.INVALID_SUMMARY'],
    ['an overlong summary', [opened()], { summary: 'x'.repeat(2001) }, 'CASE.INVALID_SUMMARY'],
    ['an amendment naming no detail', [opened()], {}, 'CASE.NOTHING_TO_AMEND'],
    [
      'an amendment repeating the current details',
      [opened()],
      { borderSection: ' Obrežje ', offenceParagraph: 3 },
      'CASE.NOTHING_TO_AMEND',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(amendCaseDetails(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
