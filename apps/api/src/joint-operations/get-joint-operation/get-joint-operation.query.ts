import { readOnlySnapshot } from '@app/audit';
import { JOINT_OPERATION_STREAM_TYPE, PartnerFiguresReported } from '@app/domain';
import { EVENT_COLUMNS, EventEnvelope, EventRow, toEnvelope } from '@app/event-store';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { jointOperationStreamId } from '../joint-operation-stream';

/** What the Slovenian police recorded under the operation's code, from the read models. */
export interface RecordedFigures {
  /** Smuggling cases linked to the operation. */
  readonly cases: number;
  /** Procedures of foreigners apprehended in the operation: each person once. */
  readonly migrants: number;
  readonly migrantsByNationality: readonly { nationality: string; count: number }[];
  /** Suspects of the linked cases, each person once. */
  readonly smugglers: number;
}

export interface JointOperationFigures {
  readonly recorded: RecordedFigures;
  /** The partner's reports as stored, in the order they were reported. */
  readonly partnerReports: readonly EventEnvelope<PartnerFiguresReported['data']>[];
}

/** Both sides of one joint operation, read in one snapshot. */
export class JointOperationQuery extends Query<JointOperationFigures> {
  constructor(readonly code: string) {
    super();
  }
}

@QueryHandler(JointOperationQuery)
export class JointOperationHandler implements IQueryHandler<
  JointOperationQuery,
  JointOperationFigures
> {
  constructor(private readonly db: DataSource) {}

  execute({ code }: JointOperationQuery): Promise<JointOperationFigures> {
    return readOnlySnapshot(this.db, async (tx) => {
      const nationalities: { nationality: string; count: number }[] = await tx.query(
        `SELECT coalesce(nationality, 'unknown') AS nationality, count(*)::int AS count
           FROM read_model.procedures WHERE joint_operation = $1
          GROUP BY 1 ORDER BY count DESC, nationality`,
        [code],
      );
      const [cases]: { cases: number; smugglers: number }[] = await tx.query(
        `SELECT count(DISTINCT c.case_id)::int AS cases,
                count(DISTINCT p.person_id) FILTER (WHERE p.role = 'suspect')::int AS smugglers
           FROM read_model.cases c
           LEFT JOIN read_model.case_persons p ON p.case_id = c.case_id
          WHERE c.joint_operations @> ARRAY[$1]::text[]`,
        [code],
      );
      // The operation's own stream is short: read straight from the store, like a timeline.
      const rows: EventRow[] = await tx.query(
        `SELECT ${EVENT_COLUMNS} FROM event_store.events
          WHERE stream_id = $1 AND stream_type = $2 ORDER BY occurred_at, version`,
        [jointOperationStreamId(code), JOINT_OPERATION_STREAM_TYPE],
      );
      return {
        recorded: {
          cases: cases.cases,
          migrants: nationalities.reduce((sum, row) => sum + row.count, 0),
          migrantsByNationality: nationalities,
          smugglers: cases.smugglers,
        },
        partnerReports: rows.map(
          (row) => toEnvelope(row) as EventEnvelope<PartnerFiguresReported['data']>,
        ),
      };
    });
  }
}
