import { DomainError } from './domain-error';
import { CUSTODY_RULES, RULES } from './rules';

const HOUR_MS = 3_600_000;

export function addHours(at: Date, hours: number): Date {
  return new Date(at.getTime() + hours * HOUR_MS);
}

/**
 * Calendar months on the local calendar and clock of `timeZone` (Slovenian time unless told):
 * the same wall-clock time on the same day of the month; a day the target month lacks becomes
 * its last day (31 January + 1 month = 29 February in a leap year). Across a change of summer
 * time the wall-clock time is kept, so the elapsed hours differ by one.
 *
 * A wall-clock time can be missing (the hour skipped in spring) or occur twice (the hour
 * repeated in autumn). The result is then the earliest instant at which the local clock shows
 * that time or a later one: in spring the instant of the change (03:00 summer time for 02:30),
 * in autumn the first of the two (summer time). Both are the earlier, stricter end of a period.
 *
 * Only the built-in Intl API is used (the zone rules come with the runtime's ICU data).
 */
export function addMonths(
  at: Date,
  months: number,
  timeZone: string = CUSTODY_RULES.timeZone,
): Date {
  if (Number.isNaN(at.getTime())) return new Date(Number.NaN);
  // The local wall-clock time, kept in a Date read in UTC, so that UTC arithmetic is local.
  const wall = new Date(wallClock(at.getTime(), timeZone));
  const day = wall.getUTCDate();
  wall.setUTCDate(1);
  wall.setUTCMonth(wall.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth() + 1, 0)).getUTCDate();
  wall.setUTCDate(Math.min(day, lastDay));
  return new Date(earliestInstantShowing(wall.getTime(), timeZone));
}

const DAY_MS = 24 * HOUR_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone: building one is costly, and the result depends only on the zone. */
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local wall-clock time of an instant, as milliseconds since the epoch read in UTC. */
function wallClock(epochMs: number, timeZone: string): number {
  // Zone offsets are whole seconds, so the milliseconds carry over unchanged.
  const ms = ((epochMs % 1000) + 1000) % 1000;
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs - ms));
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((p) => p.type === type)?.value);
  const wall = new Date(0);
  // setUTCFullYear, not Date.UTC, which reads the years 0 to 99 as 1900 to 1999.
  wall.setUTCFullYear(part('year'), part('month') - 1, part('day'));
  wall.setUTCHours(part('hour'), part('minute'), part('second'), ms);
  return wall.getTime();
}

/**
 * The earliest instant whose local wall-clock time (`wall`: milliseconds since the epoch read
 * in UTC) is `wall` or later. The offsets a day before
 * and a day after bracket any one change of summer time: an instant that shows `wall` has one
 * of them (two such instants in the repeated hour: the earlier is taken); if neither shows it,
 * `wall` falls in the skipped hour, and the instant of the change is found by bisection.
 */
export function earliestInstantShowing(wall: number, timeZone: string): number {
  const offsetAt = (epochMs: number) => wallClock(epochMs, timeZone) - epochMs;
  const candidates = [wall - offsetAt(wall - DAY_MS), wall - offsetAt(wall + DAY_MS)];
  const showing = candidates.filter((t) => wallClock(t, timeZone) === wall);
  if (showing.length > 0) return Math.min(...showing);
  // Skipped hour: the clock shows less than `wall` at `before` and more at `after`.
  let before = Math.min(...candidates);
  let after = Math.max(...candidates);
  while (after - before > 1) {
    const middle = before + Math.floor((after - before) / 2);
    if (wallClock(middle, timeZone) >= wall) after = middle;
    else before = middle;
  }
  return after;
}

/**
 * The local time of an instant in ISO 8601, to the second, with the zone's offset at that
 * instant: 2024-07-01T14:00:00+02:00 for 12:00 UTC in Ljubljana.
 */
export function localIsoTime(at: Date, timeZone: string = CUSTODY_RULES.timeZone): string {
  const epochMs = Math.floor(at.getTime() / 1000) * 1000;
  const wall = wallClock(epochMs, timeZone);
  const offset = Math.round((wall - epochMs) / 60_000);
  const hhmm = (minutes: number) =>
    `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  return `${new Date(wall).toISOString().slice(0, 19)}${offset < 0 ? '-' : '+'}${hhmm(Math.abs(offset))}`;
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

/** Parses an instant kept in event data. */
export function instant(iso: string): Date {
  return new Date(iso);
}
