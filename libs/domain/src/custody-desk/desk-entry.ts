import { ClockKind } from '../case/state/custody';
import { CUSTODY_RULES } from '../shared/rules';
import { localIsoTime } from '../shared/time';

/** The clocks of the custody desk: criminal custody's, and border detention's 48 hours. */
export type DeskClockKind = ClockKind | 'border-detention';

/**
 * The clocks whose end ends the lawful ground for holding the person: once every one of them has
 * passed, the person must have been released. The others measure a duty while held (a written
 * decision, serving an order, deciding an appeal).
 */
export const LAWFUL_GROUNDS: readonly DeskClockKind[] = [
  'police-custody',
  'judicial-detention',
  'remand',
  'border-detention',
];

export interface DeskClock {
  readonly kind: DeskClockKind;
  readonly startedAt: Date;
  readonly deadline: Date;
  /** When the duty was met; a lawful ground is never met, it ends with a release. */
  readonly metAt: Date | null;
}

/** What must happen by a deadline, as a code a console translates and in a custody officer's words. */
export interface NextAction {
  readonly code: string;
  readonly text: string;
}

export interface ClockOnDesk extends DeskClock {
  readonly state: 'running' | 'overdue' | 'met';
  /** Whole minutes to the deadline, negative once overdue. */
  readonly minutesLeft: number;
  /** Null once met. */
  readonly action: NextAction | null;
}

/** A remand's months used against the most the law allows in this case. */
export interface RemandUse {
  readonly monthsUsed: number;
  readonly ceilingMonths: number;
  readonly panelExtended: boolean;
}

export interface DeskStanding {
  readonly clocks: readonly ClockOnDesk[];
  /** The most recent deadline passed with its duty unmet; null when nothing is overdue. */
  readonly overdueSince: Date | null;
  /** The nearest deadline still ahead. */
  readonly nextDeadline: Date | null;
  /** Every lawful ground has ended, at this time: the person is held on none since. */
  readonly noGroundSince: Date | null;
  /**
   * Held on no lawful ground for longer than the desk's stale limit: a release never recorded,
   * a data problem to mend, not tonight's work.
   */
  readonly stale: boolean;
}

const MINUTE_MS = 60_000;

/** The standing of one person's clocks at `now`. */
export function deskStanding(
  clocks: readonly DeskClock[],
  now: Date,
  staleAfterHours: number,
  remand: RemandUse | null = null,
): DeskStanding {
  const onDesk = clocks.map((clock): ClockOnDesk => {
    const state = clock.metAt ? 'met' : clock.deadline <= now ? 'overdue' : 'running';
    return {
      ...clock,
      state,
      minutesLeft: Math.floor((clock.deadline.getTime() - now.getTime()) / MINUTE_MS),
      action: state === 'met' ? null : nextAction(clock, now, remand),
    };
  });
  const times = (list: readonly ClockOnDesk[]) => list.map((c) => c.deadline.getTime());
  const overdue = times(onDesk.filter((c) => c.state === 'overdue'));
  const ahead = times(onDesk.filter((c) => c.state === 'running'));
  const grounds = onDesk.filter((c) => LAWFUL_GROUNDS.includes(c.kind));
  const noGroundSince =
    grounds.length > 0 && grounds.every((c) => c.state === 'overdue')
      ? new Date(Math.max(...times(grounds)))
      : null;
  return {
    clocks: onDesk,
    overdueSince: overdue.length ? new Date(Math.max(...overdue)) : null,
    nextDeadline: ahead.length ? new Date(Math.min(...ahead)) : null,
    noGroundSince,
    stale:
      noGroundSince !== null &&
      now.getTime() - noGroundSince.getTime() >= staleAfterHours * 60 * MINUTE_MS,
  };
}

/**
 * Whether a person belongs in the window ending at `until`: any running clock ends in it; or,
 * unless `overdue` is false, anything is overdue. `overdue: true` keeps only the overdue.
 */
export function inDeskWindow(
  standing: DeskStanding,
  until: Date | null,
  overdue: boolean | null,
): boolean {
  const isOverdue = standing.overdueSince !== null;
  if (overdue === true) return isOverdue;
  if (until === null) return overdue === false ? !isOverdue : true;
  const endsInWindow = standing.clocks.some((c) => c.state === 'running' && c.deadline <= until);
  return endsInWindow || (overdue === null && isOverdue);
}

/** The desk's order: the overdue first, the most recently breached on top; then by time left. */
export function deskOrder(a: DeskStanding, b: DeskStanding): number {
  if (a.overdueSince && b.overdueSince) {
    return b.overdueSince.getTime() - a.overdueSince.getTime();
  }
  if (a.overdueSince || b.overdueSince) return a.overdueSince ? -1 : 1;
  // No deadline ahead (every clock met) goes last.
  if (!a.nextDeadline || !b.nextDeadline)
    return (a.nextDeadline ? 0 : 1) - (b.nextDeadline ? 0 : 1);
  return a.nextDeadline.getTime() - b.nextDeadline.getTime();
}

/** "21:28" today, "2024-03-15 21:28" another day: Ljubljana's wall clock. */
export function deskTime(at: Date, now: Date, timeZone: string = CUSTODY_RULES.timeZone): string {
  const local = localIsoTime(at, timeZone);
  const day = local.slice(0, 10);
  const time = local.slice(11, 16);
  return day === localIsoTime(now, timeZone).slice(0, 10) ? time : `${day} ${time}`;
}

function nextAction(clock: DeskClock, now: Date, remand: RemandUse | null): NextAction {
  const by = deskTime(clock.deadline, now);
  const say = (code: string, words: string): NextAction => ({
    code,
    text: clock.deadline <= now ? `overdue since ${by}: ${words}` : `${words} by ${by}`,
  });
  switch (clock.kind) {
    case 'police-custody':
      return say(
        'release-or-bring-before-judge',
        'release or bring before the investigating judge',
      );
    case 'written-detention-decision':
      return say('issue-detention-decision', 'issue the written detention decision');
    case 'judicial-detention':
      return say('judge-decides-remand', 'investigating judge orders remand or releases');
    case 'remand-order-service':
      return say('serve-remand-order', 'serve the remand order');
    case 'remand':
      if (remand && remand.monthsUsed >= remand.ceilingMonths) {
        return say(
          'release-at-remand-ceiling',
          `release (remand ceiling of ${remand.ceilingMonths} months reached)`,
        );
      }
      return remand?.panelExtended
        ? say('supreme-court-decides-extension', 'Supreme Court decides on extension or release')
        : say('panel-decides-extension', 'panel decides on extension or release');
    case 'detention-appeal':
      return say('panel-decides-detention-appeal', 'panel decides the appeal against detention');
    case 'remand-appeal':
      return say('panel-decides-remand-appeal', 'panel decides the appeal against remand');
    case 'border-detention':
      return say('refer-hand-over-or-release', 'refer, hand over or release');
  }
}
