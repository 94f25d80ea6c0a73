import { CASE_STREAM_TYPE } from '@app/domain';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { readOnlySnapshot } from '@app/audit';
import { HistoryFilter, HistoryPage, historyPage } from '../shared/event-history';

export interface CaseHistory extends HistoryPage {
  readonly directorate: string;
}

/** A page of a case's events; null when there is no such case. */
export class CaseHistoryQuery extends Query<CaseHistory | null> {
  constructor(
    readonly caseId: string,
    readonly filter: HistoryFilter,
  ) {
    super();
  }
}

@QueryHandler(CaseHistoryQuery)
export class CaseHistoryHandler implements IQueryHandler<CaseHistoryQuery, CaseHistory | null> {
  constructor(private readonly db: DataSource) {}

  execute({ caseId, filter }: CaseHistoryQuery): Promise<CaseHistory | null> {
    return readOnlySnapshot(this.db, async (tx) => {
      const [opening]: { directorate: string }[] = await tx.query(
        `SELECT data->>'directorate' AS directorate FROM event_store.events
          WHERE stream_id = $1 AND stream_type = $2 AND version = 1`,
        [caseId, CASE_STREAM_TYPE],
      );
      if (!opening) return null;
      const page = await historyPage(tx, 'e.stream_id = $1::uuid', caseId, filter);
      return { directorate: opening.directorate, ...page };
    });
  }
}
