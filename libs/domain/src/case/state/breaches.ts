import { CaseEvent } from '../events';
import { CaseState, initialCaseState } from './case.state';
import { personClocks } from './clocks';
import { ClockKind, CustodyClock } from './custody';
import { applyFact, chronology } from './evolve';

/**
 * A legal duty met late or not at all: a written decision issued after 6 h or never, a hearing
 * after the police's 48 h, an order served after 24 h, someone held past the judge's 48 h or
 * past the remand, an appeal decided after 48 h. It stays on record after the phase ends, when the board no longer shows it.
 */
export interface CustodyBreach {
  readonly personId: string;
  readonly kind: ClockKind;
  readonly startedAt: Date;
  readonly deadline: Date;
  /** When the duty was met, late; null when it never was. */
  readonly metAt: Date | null;
  /** When the clock stopped running unmet (the person moved on); null when met late. */
  readonly endedAt: Date | null;
}

/**
 * Every breach in the case's history, in time order. A clock ends when the person's phase no
 * longer has it (a clock that runs on across phases, as the written decision's does from the
 * arrest into police detention, is the same clock); a clock still running is the board's.
 */
export function custodyBreaches(history: readonly CaseEvent[]): CustodyBreach[] {
  const breaches: CustodyBreach[] = [];
  let state: CaseState = initialCaseState;
  for (const event of chronology(history)) {
    const personId = (event.data as { personId?: unknown }).personId;
    const before = state.status === 'none' ? undefined : state.persons[String(personId)];
    state = applyFact(state, event);
    const after = state.status === 'none' ? undefined : state.persons[String(personId)];
    if (!before || !after) continue;
    const next = new Map(personClocks(after).map((c) => [clockKey(c), c]));
    for (const clock of personClocks(before)) {
      const breach = breachAt(clock, next.get(clockKey(clock)), event.occurredAt);
      if (breach) breaches.push({ personId: after.personId, ...breach });
    }
  }
  return breaches;
}

const clockKey = (clock: CustodyClock) => `${clock.kind}@${clock.startedAt.getTime()}`;

function breachAt(
  clock: CustodyClock,
  continued: CustodyClock | undefined,
  at: Date,
): Omit<CustodyBreach, 'personId'> | null {
  const { kind, startedAt, deadline } = clock;
  if (continued) {
    // Met by this event, after its deadline.
    const metLate =
      clock.metAt === null && continued.metAt !== null && continued.metAt > continued.deadline;
    return metLate ? { kind, startedAt, deadline, metAt: continued.metAt, endedAt: null } : null;
  }
  // The clock ended here: unmet, and past its deadline.
  return clock.metAt === null && at > deadline
    ? { kind, startedAt, deadline, metAt: null, endedAt: at }
    : null;
}
