import { DomainError } from './domain-error';
import { addHours, addMonths, assertNotInFuture, instant, localIsoTime } from './time';

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

// Instants with their Slovenian offset: +01:00 in winter (CET), +02:00 in summer (CEST).
describe('addMonths', () => {
  it.each([
    ['a day every month has', '2024-02-14T10:00:00+01:00', 1, '2024-03-14T10:00:00+01:00'],
    ['31 January in a leap year', '2024-01-31T23:00:00+01:00', 1, '2024-02-29T23:00:00+01:00'],
    ['31 January in a common year', '2023-01-31T23:00:00+01:00', 1, '2023-02-28T23:00:00+01:00'],
    ['31 March into April', '2024-03-31T10:15:00+02:00', 1, '2024-04-30T10:15:00+02:00'],
    ['November into the next year', '2024-11-15T11:00:00+01:00', 3, '2025-02-15T11:00:00+01:00'],
    [
      '30 November into a leap February',
      '2023-11-30T23:59:59.999+01:00',
      3,
      '2024-02-29T23:59:59.999+01:00',
    ],
    ['two years from a leap day', '2024-02-29T13:00:00+01:00', 24, '2026-02-28T13:00:00+01:00'],
  ] as const)('adds calendar months from %s', (_label, from, months, expected) => {
    expect(addMonths(utc(from), months)).toEqual(utc(expected));
  });

  // The remand clock adds the total months to its start; clamping must not carry over.
  it('clamps only the month it lands in, not the months it passes', () => {
    expect(addMonths(utc('2024-01-31T23:00:00+01:00'), 2)).toEqual(
      utc('2024-03-31T23:00:00+02:00'),
    );
  });

  // 00:30 on 31 January in Ljubljana is still 30 January in UTC.
  it('counts on the Slovenian calendar, not the UTC one', () => {
    expect(addMonths(utc('2024-01-30T23:30:00Z'), 1).toISOString()).toBe(
      '2024-02-28T23:30:00.000Z',
    );
  });

  it.each([
    ['to summer time', '2024-03-15T12:00:00+01:00', '2024-04-15T10:00:00.000Z'],
    ['to winter time', '2024-10-15T12:00:00+02:00', '2024-11-15T11:00:00.000Z'],
  ])('keeps the local time of day across the change %s', (_label, from, expected) => {
    expect(addMonths(utc(from), 1).toISOString()).toBe(expected);
  });

  // On 31 March 2024 the clocks went from 02:00 CET straight to 03:00 CEST (01:00Z).
  it('ends a period landing in the hour skipped in spring at the change of time', () => {
    expect(addMonths(utc('2024-01-31T02:30:00+01:00'), 2).toISOString()).toBe(
      '2024-03-31T01:00:00.000Z',
    );
  });

  // On 27 October 2024 the clocks went back from 03:00 CEST to 02:00 CET: 02:30 came twice.
  it('ends a period landing in the hour repeated in autumn at its first occurrence', () => {
    expect(addMonths(utc('2024-09-27T02:30:00+02:00'), 1).toISOString()).toBe(
      '2024-10-27T00:30:00.000Z',
    );
  });

  it('counts in the time zone it is given', () => {
    expect(addMonths(utc('2024-01-30T23:30:00Z'), 1, 'UTC').toISOString()).toBe(
      '2024-02-29T23:30:00.000Z',
    );
  });

  it('gives no instant for a time that is not an instant', () => {
    expect(Number.isNaN(addMonths(new Date('not a date'), 1).getTime())).toBe(true);
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

describe('instant', () => {
  it('reads an ISO-8601 instant kept in event data', () => {
    expect(instant('2024-03-14T09:00:00.000Z').getTime()).toBe(Date.UTC(2024, 2, 14, 9));
  });
});

describe('local time beside an instant', () => {
  it('gives Ljubljana wall-clock time with the offset of that day, to the second', () => {
    expect(localIsoTime(new Date('2024-01-15T09:30:15.999Z'))).toBe('2024-01-15T10:30:15+01:00');
    expect(localIsoTime(new Date('2024-07-01T12:00:00Z'))).toBe('2024-07-01T14:00:00+02:00');
    expect(localIsoTime(new Date('2024-03-31T01:00:00Z'))).toBe('2024-03-31T03:00:00+02:00');
  });
});
