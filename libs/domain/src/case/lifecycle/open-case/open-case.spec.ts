import { NOW, CASE_ID, at, given, opened } from '../../testing/case-scenario';
import { openCase } from '../../testing/case-commands';

describe('open case', () => {
  it('records that a smuggling case was opened, when it was opened', () => {
    expect(given().when(openCase()).events()).toEqual([
      {
        type: 'case.opened',
        schemaVersion: 1,
        occurredAt: at('22:15', 13),
        data: {
          caseId: CASE_ID,
          directorate: 'novo-mesto',
          borderSection: 'Obrežje',
          offence: { article: 308, paragraph: 3 },
          summary: 'Van with 12 migrants stopped near Obrežje.',
        },
      },
    ]);
  });

  it('accepts a time within the clock-skew tolerance', () => {
    const inTolerance = new Date(NOW.getTime() + 60_000);
    expect(
      given()
        .when(openCase({ openedAt: inTolerance }))
        .events(),
    ).toHaveLength(1);
  });

  it.each([
    ['a case opened twice', [opened()], {}, 'CASE.ALREADY_OPENED'],
    ['an unknown directorate', [], { directorate: 'zagreb' }, 'CASE.UNKNOWN_DIRECTORATE'],
    [
      'a paragraph Art. 308 does not have',
      [],
      { offenceParagraph: 7 },
      'CASE.UNKNOWN_OFFENCE_PARAGRAPH',
    ],
    ['a blank border section', [], { borderSection: '   ' }, 'CASE.INVALID_BORDER_SECTION'],
    ['a blank summary', [], { summary: ' ' }, 'CASE.INVALID_SUMMARY'],
    ['an overlong summary', [], { summary: 'x'.repeat(2001) }, 'CASE.INVALID_SUMMARY'],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(openCase(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
