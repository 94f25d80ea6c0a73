import { readOnlySnapshot } from '@app/audit';
import { CASE_STREAM_TYPE, CaseEvent, CaseState, foldHistory } from '@app/domain';
import {
  EVENT_COLUMNS,
  EventEnvelope,
  EventRow,
  toDomainEvent,
  toEnvelope,
} from '@app/event-store';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

/** Up to which event: recorded at or before an instant, or up to a version; else all. */
export interface StatePoint {
  readonly asOf: string | null;
  readonly version: number | null;
}

export interface CaseAsOf {
  readonly directorate: string;
  readonly currentVersion: number;
  /** The case its events up to the point make, corrections among them applied. */
  readonly state: CaseState;
  /** The last event folded; null when none was recorded by then. */
  readonly last: EventEnvelope | null;
}

/** A case rebuilt from its stored events as of a past point; null when there is no such case. */
export class CaseStateQuery extends Query<CaseAsOf | null> {
  constructor(
    readonly caseId: string,
    readonly point: StatePoint,
  ) {
    super();
  }
}

/**
 * Replays the stream with the domain's own fold, older schema versions upcast on the way. It
 * only reads: nothing is appended, published or projected, so a replay has no side effect.
 */
@QueryHandler(CaseStateQuery)
export class CaseStateHandler implements IQueryHandler<CaseStateQuery, CaseAsOf | null> {
  constructor(private readonly db: DataSource) {}

  execute({ caseId, point }: CaseStateQuery): Promise<CaseAsOf | null> {
    return readOnlySnapshot(this.db, async (tx) => {
      const [stream]: { directorate: string; current_version: number }[] = await tx.query(
        `SELECT o.data->>'directorate' AS directorate,
                (SELECT max(version) FROM event_store.events WHERE stream_id = $1) AS current_version
           FROM event_store.events o
          WHERE o.stream_id = $1 AND o.stream_type = $2 AND o.version = 1`,
        [caseId, CASE_STREAM_TYPE],
      );
      if (!stream) return null;
      // A prefix of the stream: every version up to the last one recorded by then, so the fold
      // never sees a later version without the earlier ones. recordedAt is shown to the
      // millisecond, so it is compared to the millisecond: asOf = an event's recordedAt holds it.
      const rows: EventRow[] = await tx.query(
        `SELECT ${EVENT_COLUMNS} FROM event_store.events
          WHERE stream_id = $1
            AND version <= (SELECT coalesce(max(version), 0) FROM event_store.events
                             WHERE stream_id = $1
                               AND ($2::timestamptz IS NULL OR date_trunc('milliseconds', recorded_at) <= $2)
                               AND ($3::int IS NULL OR version <= $3))
          ORDER BY version`,
        [caseId, point.asOf, point.version],
      );
      const events = rows.map(toEnvelope);
      return {
        directorate: stream.directorate,
        currentVersion: stream.current_version,
        state: foldHistory(events.map((e) => toDomainEvent<CaseEvent>(e))),
        last: events.at(-1) ?? null,
      };
    });
  }
}
