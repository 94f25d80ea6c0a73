import { DomainError } from './domain-error';
import { RULES } from './rules';

const HOUR_MS = 3_600_000;

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}

/**
 * Calendar months, at the same time of day; a day the target month lacks becomes its last
 * day (31 January + 1 month = 29 February in a leap year). Computed in UTC.
 */
export function addMonths(at: Date, months: number): Date {
  const target = new Date(at.getTime());
  const day = at.getUTCDate();
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(day, lastDay));
  return target;
}

/** A time given by an investigator: late entries are normal, future ones are typing errors. */
export function assertNotInFuture(occurredAt: Date, now: Date): void {
  if (Number.isNaN(occurredAt.getTime())) {
    throw new DomainError('TIME.INVALID', 'The time is not a valid instant.');
  }
  if (occurredAt.getTime() > now.getTime() + RULES.clockSkewToleranceMs) {
    throw new DomainError('TIME.IN_FUTURE', 'The time lies in the future.', {
      occurredAt: occurredAt.toISOString(),
      now: now.toISOString(),
    });
  }
}

export function assertNotBefore(
  occurredAt: Date,
  earliest: Date,
  code: string,
  what: string,
): void {
  if (occurredAt.getTime() < earliest.getTime()) {
    throw new DomainError(code, `The time lies before ${what}.`, {
      occurredAt: occurredAt.toISOString(),
      earliest: earliest.toISOString(),
    });
  }
}

/** Parses an instant kept in event data. */
export function instant(iso: string): Date {
  return new Date(iso);
}
