import { EVENT_COLUMNS, EventEnvelope, EventRow, toEnvelope } from '@app/event-store';
import { EntityManager } from 'typeorm';

/** What an auditor narrows a history to, and the page asked for. */
export interface HistoryFilter {
  /** recordedAt, half-open: from inclusive, to exclusive. */
  readonly from: string | null;
  readonly to: string | null;
  readonly types: readonly string[] | null;
  readonly actorId: string | null;
  /** The position the previous page ended at. */
  readonly after: string | null;
  readonly limit: number;
}

export interface HistoryPage {
  readonly events: EventEnvelope[];
  /** The position to continue after, or null when this page is the last. */
  readonly next: string | null;
}

/**
 * The events a scope selects (an SQL condition on `e` whose only parameter is $1), filtered,
 * in the order the store recorded them (global position), one page. It reads one more event
 * than the page holds, to know whether another page follows.
 */
export async function historyPage(
  tx: EntityManager,
  scope: string,
  subject: string,
  filter: HistoryFilter,
): Promise<HistoryPage> {
  const rows: EventRow[] = await tx.query(
    `SELECT ${EVENT_COLUMNS} FROM event_store.events e
      WHERE ${scope}
        AND ($2::timestamptz IS NULL OR e.recorded_at >= $2)
        AND ($3::timestamptz IS NULL OR e.recorded_at < $3)
        AND ($4::text[] IS NULL OR e.type = ANY ($4))
        AND ($5::text IS NULL OR e.metadata->>'actorId' = $5)
        AND ($6::bigint IS NULL OR e.position > $6)
      ORDER BY e.position
      LIMIT $7`,
    [subject, filter.from, filter.to, filter.types, filter.actorId, filter.after, filter.limit + 1],
  );
  const events = rows.slice(0, filter.limit).map(toEnvelope);
  return {
    events,
    next: rows.length > filter.limit ? events[events.length - 1].position : null,
  };
}
