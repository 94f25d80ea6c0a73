import { DomainError } from './domain-error';
import { addHours, addMonths, assertNotBefore, assertNotInFuture, instant } from './time';

const refusalOf = (run: () => void): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
};

const utc = (iso: string) => new Date(iso);

describe('addHours', () => {
  it('adds whole hours', () => {
    expect(addHours(utc('2024-03-14T09:00:00Z'), 6).toISOString()).toBe('2024-03-14T15:00:00.000Z');
  });

  // Legal hours are elapsed hours: the switch to summer time on 31 March adds none.
  it('counts elapsed time across a change of summer time', () => {
    expect(addHours(utc('2024-03-30T12:00:00Z'), 48).toISOString()).toBe(
      '2024-04-01T12:00:00.000Z',
    );
  });

  it('leaves the instant it is given unchanged', () => {
    const start = utc('2024-03-14T09:00:00Z');
    addHours(start, 48);
    expect(start.toISOString()).toBe('2024-03-14T09:00:00.000Z');
  });
});

describe('addMonths', () => {
  it.each([
    ['a day every month has', '2024-03-14T22:00:00.000Z', 1, '2024-04-14T22:00:00.000Z'],
    ['31 January in a leap year', '2024-01-31T22:00:00.000Z', 1, '2024-02-29T22:00:00.000Z'],
    ['31 January in a common year', '2023-01-31T22:00:00.000Z', 1, '2023-02-28T22:00:00.000Z'],
    ['31 March into April', '2024-03-31T08:15:00.000Z', 1, '2024-04-30T08:15:00.000Z'],
    ['November into the next year', '2024-11-15T10:00:00.000Z', 3, '2025-02-15T10:00:00.000Z'],
    ['30 November into a leap February', '2023-11-30T23:59:59.999Z', 3, '2024-02-29T23:59:59.999Z'],
    ['two years from a leap day', '2024-02-29T12:00:00.000Z', 24, '2026-02-28T12:00:00.000Z'],
  ] as const)('adds calendar months from %s', (_label, from, months, expected) => {
    expect(addMonths(utc(from), months).toISOString()).toBe(expected);
  });

  // The remand clock adds the total months to the order date; clamping must not carry over.
  it('clamps only the month it lands in, not the months it passes', () => {
    expect(addMonths(utc('2024-01-31T22:00:00Z'), 2).toISOString()).toBe(
      '2024-03-31T22:00:00.000Z',
    );
  });

  it('leaves the instant it is given unchanged', () => {
    const start = utc('2024-01-31T22:00:00Z');
    addMonths(start, 1);
    expect(start.toISOString()).toBe('2024-01-31T22:00:00.000Z');
  });
});

describe('assertNotInFuture', () => {
  const now = utc('2024-03-15T12:00:00Z');

  it.each([
    ['a past time', '2024-03-14T09:00:00Z'],
    ['now', '2024-03-15T12:00:00Z'],
    ['a time just within the two minutes of clock skew', '2024-03-15T12:02:00Z'],
  ])('accepts %s', (_label, occurredAt) => {
    expect(() => assertNotInFuture(utc(occurredAt), now)).not.toThrow();
  });

  it('refuses a time beyond the two minutes of clock skew', () => {
    const refusal = refusalOf(() => assertNotInFuture(utc('2024-03-15T12:02:00.001Z'), now));
    expect(refusal.code).toBe('TIME.IN_FUTURE');
    expect(refusal.details).toEqual({
      occurredAt: '2024-03-15T12:02:00.001Z',
      now: '2024-03-15T12:00:00.000Z',
    });
  });

  it('refuses a time that is not an instant', () => {
    expect(refusalOf(() => assertNotInFuture(new Date('not a date'), now)).code).toBe(
      'TIME.INVALID',
    );
  });
});

describe('assertNotBefore', () => {
  const earliest = utc('2024-03-14T09:00:00Z');

  it('accepts the earliest instant itself', () => {
    expect(() => assertNotBefore(earliest, earliest, 'TIME.X', 'the arrest')).not.toThrow();
  });

  it('refuses an earlier time with the code it is given', () => {
    const refusal = refusalOf(() =>
      assertNotBefore(utc('2024-03-14T08:59:59.999Z'), earliest, 'TIME.BEFORE_X', 'the arrest'),
    );
    expect(refusal.code).toBe('TIME.BEFORE_X');
    expect(refusal.details).toEqual({
      occurredAt: '2024-03-14T08:59:59.999Z',
      earliest: '2024-03-14T09:00:00.000Z',
    });
  });
});

describe('instant', () => {
  it('reads an ISO-8601 instant kept in event data', () => {
    expect(instant('2024-03-14T09:00:00.000Z').getTime()).toBe(Date.UTC(2024, 2, 14, 9));
  });
});
