import { DomainError } from '../../shared/domain-error';
import { CaseEvent } from '../case.events';
import { decideCase } from '../case.decider';
import { evolveCase, initialCaseState } from '../case.state';
import { OpenCase } from './open-case.command';

const now = new Date('2024-03-14T12:00:00Z');
const caseId = '0b6c7c1e-4a8e-4d7e-9b55-1f2f7e0b9a01';

function given(...events: CaseEvent[]) {
  const state = events.reduce(evolveCase, initialCaseState);
  return {
    when: (command: OpenCase) => () => decideCase(command, state, now),
  };
}

function openCase(overrides: Partial<OpenCase> = {}): OpenCase {
  return {
    type: 'OpenCase',
    caseId,
    directorate: 'novo-mesto',
    borderSection: 'Obrežje',
    offenceParagraph: 3,
    openedAt: new Date('2024-03-13T22:15:00Z'),
    summary: '  Van with 12 migrants stopped near Obrežje.  ',
    ...overrides,
  };
}

function refusal(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected the command to be refused');
}

describe('open case', () => {
  it('records that a smuggling case was opened, when it was opened', () => {
    const events = given().when(openCase())();

    expect(events).toEqual([
      {
        type: 'case.opened',
        schemaVersion: 1,
        occurredAt: new Date('2024-03-13T22:15:00Z'),
        data: {
          caseId,
          directorate: 'novo-mesto',
          borderSection: 'Obrežje',
          offence: { article: 308, paragraph: 3 },
          summary: 'Van with 12 migrants stopped near Obrežje.',
        },
      },
    ]);
  });

  it('accepts a time within the clock-skew tolerance', () => {
    const events = given().when(openCase({ openedAt: new Date('2024-03-14T12:01:00Z') }))();
    expect(events).toHaveLength(1);
  });

  it('refuses to open a case twice', () => {
    const [opened] = given().when(openCase())();
    expect(refusal(given(opened).when(openCase())).code).toBe('CASE.ALREADY_OPENED');
  });

  it.each([
    ['a time in the future', { openedAt: new Date('2024-03-14T12:05:00Z') }, 'TIME.IN_FUTURE'],
    ['an invalid time', { openedAt: new Date('not a date') }, 'TIME.INVALID'],
    ['an unknown directorate', { directorate: 'zagreb' }, 'CASE.UNKNOWN_DIRECTORATE'],
    [
      'a paragraph Art. 308 does not have',
      { offenceParagraph: 7 },
      'CASE.UNKNOWN_OFFENCE_PARAGRAPH',
    ],
    ['a blank border section', { borderSection: '   ' }, 'CASE.INVALID_BORDER_SECTION'],
    ['a blank summary', { summary: ' ' }, 'CASE.INVALID_SUMMARY'],
    ['an overlong summary', { summary: 'x'.repeat(2001) }, 'CASE.INVALID_SUMMARY'],
  ])('refuses %s', (_label, overrides, code) => {
    expect(refusal(given().when(openCase(overrides))).code).toBe(code);
  });
});
