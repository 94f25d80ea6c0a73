import { readOnlySnapshot } from '@app/audit';
import { CASE_STREAM_TYPE } from '@app/domain';
import { EVENT_COLUMNS, EventEnvelope, EventRow, toEnvelope } from '@app/event-store';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

export interface CaseEntries {
  readonly directorate: string;
  /** Every entry of the case stream, in the order recorded. */
  readonly entries: readonly EventEnvelope[];
}

/** All the entries of a case as stored; null when there is no such case. */
export class TimelineQuery extends Query<CaseEntries | null> {
  constructor(readonly caseId: string) {
    super();
  }
}

@QueryHandler(TimelineQuery)
export class TimelineHandler implements IQueryHandler<TimelineQuery, CaseEntries | null> {
  constructor(private readonly db: DataSource) {}

  execute({ caseId }: TimelineQuery): Promise<CaseEntries | null> {
    return readOnlySnapshot(this.db, async (tx) => {
      const rows: EventRow[] = await tx.query(
        `SELECT ${EVENT_COLUMNS} FROM event_store.events
          WHERE stream_id = $1 AND stream_type = $2 ORDER BY version`,
        [caseId, CASE_STREAM_TYPE],
      );
      const entries = rows.map(toEnvelope);
      const opening = entries[0];
      if (!opening) return null;
      return { directorate: (opening.data as { directorate: string }).directorate, entries };
    });
  }
}
