import { deskTime } from '@app/domain';
import { CustodyDeskConfig } from '@app/platform';
import { DeskEntry } from '../custody-desk/custody-desk';

/** A reminder, named by what it is about: the same clock or safeguard gives the same key. */
export interface Reminder {
  readonly key: string;
  /** A clock in its last hour, one found overdue already (entered late, or sent late), a safeguard. */
  readonly kind: 'clock-last-hour' | 'clock-overdue' | 'safeguard-open';
  readonly directorate: string;
  /** When it fell due: the last hour's start, or the safeguard's limit. */
  readonly dueAt: Date;
  readonly caseId: string | null;
  readonly procedureId: string | null;
  readonly personId: string;
  readonly caseReference: string | null;
  /** The clock or the safeguard it is about. */
  readonly about: string;
  readonly text: string;
}

const MINUTE_MS = 60_000;

/**
 * The reminders due at `now`, computed from the desk alone (which the events make) and the
 * clock: a clock still unmet whose last hour has begun, a safeguard owed and open past its limit.
 * A rebuild or replay computes the same keys again; a restart after the moment computes the ones
 * it missed. Stale entries remind no one: they are a data problem, not tonight's deadline.
 */
export function remindersDue(
  entries: readonly DeskEntry[],
  now: Date,
  config: Pick<CustodyDeskConfig, 'reminderBeforeMinutes' | 'safeguardReminderAfterMinutes'>,
): Reminder[] {
  return entries
    .filter((e) => !e.standing.stale)
    .flatMap((entry) => {
      const about = {
        directorate: entry.directorate,
        caseId: entry.caseId,
        procedureId: entry.procedureId,
        personId: entry.personId,
        caseReference: entry.caseReference,
      };
      const of = entry.caseReference ? ` (${entry.caseReference})` : '';
      const clocks = entry.standing.clocks
        .filter((c) => c.state !== 'met')
        .map((c) => ({
          clock: c,
          dueAt: new Date(c.deadline.getTime() - config.reminderBeforeMinutes * MINUTE_MS),
        }))
        .filter(({ dueAt }) => dueAt <= now)
        .map(({ clock, dueAt }): Reminder => ({
          ...about,
          key: `clock:${entry.key}:${clock.kind}:${clock.deadline.toISOString()}`,
          kind: 'clock-last-hour',
          dueAt,
          about: clock.kind,
          text: `${clock.state === 'overdue' ? '' : 'last hour: '}${clock.action!.text}${of}`,
        }));
      const safeguards = entry.safeguards
        .filter((s) => s.status === 'open')
        .map((s) => ({
          safeguard: s,
          dueAt: new Date(
            Date.parse(s.dueSince) + config.safeguardReminderAfterMinutes * MINUTE_MS,
          ),
        }))
        .filter(({ dueAt }) => dueAt <= now)
        .map(({ safeguard, dueAt }): Reminder => ({
          ...about,
          key: `safeguard:${entry.key}:${safeguard.safeguard}:${safeguard.dueSince}`,
          kind: 'safeguard-open',
          dueAt,
          about: safeguard.safeguard,
          text: `${safeguard.safeguard} owed since ${deskTime(new Date(safeguard.dueSince), now)} and still open${of}`,
        }));
      return [...clocks, ...safeguards];
    });
}

/** The next moment a reminder falls due, after `now`; null when none will without a new fact. */
export function nextReminderAt(
  entries: readonly DeskEntry[],
  now: Date,
  config: Pick<
    CustodyDeskConfig,
    'reminderBeforeMinutes' | 'safeguardReminderAfterMinutes' | 'staleAfterHours'
  >,
): Date | null {
  const times = entries.flatMap((entry) => [
    ...entry.standing.clocks
      .filter((c) => c.state !== 'met')
      .flatMap((c) => [
        c.deadline.getTime() - config.reminderBeforeMinutes * MINUTE_MS,
        c.deadline.getTime(),
      ]),
    ...entry.safeguards
      .filter((s) => s.status === 'open')
      .map((s) => Date.parse(s.dueSince) + config.safeguardReminderAfterMinutes * MINUTE_MS),
    ...(entry.standing.noGroundSince
      ? [entry.standing.noGroundSince.getTime() + config.staleAfterHours * 60 * MINUTE_MS]
      : []),
  ]);
  const ahead = times.filter((t) => t > now.getTime());
  return ahead.length ? new Date(Math.min(...ahead)) : null;
}
