import { CaseEvent } from '../events';
import { standingFacts, withdrawnIds } from './evolve';

/** What became of an entry: it stands as entered, stands as corrected, or was withdrawn. */
export interface EntryStatus {
  readonly status: 'standing' | 'corrected' | 'withdrawn';
  /** The withdrawal that stands against the entry. */
  readonly withdrawnBy: string | null;
  /** The standing corrections of the entry, the latest last (it is the one that counts). */
  readonly correctedBy: readonly string[];
  /** When it happened as the record now says: the latest standing correction's time. */
  readonly occurredAt: Date;
}

/** The status of every entry of a case's history, by event id. */
export function entryStatuses(history: readonly CaseEvent[]): Map<string, EntryStatus> {
  const withdrawn = withdrawnIds(history);
  const standing = new Map(standingFacts(history).map((e) => [e.eventId, e]));
  const withdrawals = new Map<string, string>();
  const corrections = new Map<string, string[]>();
  for (const event of history) {
    if (event.eventId === undefined || withdrawn.has(event.eventId)) continue;
    if (event.type === 'case.entry-withdrawn') {
      withdrawals.set(event.data.withdrawnEventId, event.eventId);
    } else if (event.type === 'case.correction-recorded') {
      const ids = corrections.get(event.data.correctedEventId) ?? [];
      corrections.set(event.data.correctedEventId, [...ids, event.eventId]);
    }
  }
  const statuses = new Map<string, EntryStatus>();
  for (const event of history) {
    if (event.eventId === undefined) continue;
    const correctedBy = corrections.get(event.eventId) ?? [];
    const isWithdrawn = withdrawn.has(event.eventId);
    statuses.set(event.eventId, {
      status: isWithdrawn ? 'withdrawn' : correctedBy.length > 0 ? 'corrected' : 'standing',
      withdrawnBy: isWithdrawn ? (withdrawals.get(event.eventId) ?? null) : null,
      correctedBy,
      occurredAt: standing.get(event.eventId)?.occurredAt ?? event.occurredAt,
    });
  }
  return statuses;
}
