import { BORDER_DETENTION_MAX_HOURS } from '@app/domain';
import { CustodyClockRow } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

/** Where a page of the board starts: after this person, in board order. */
export interface BoardCursor {
  readonly nextDeadline: string;
  /** The case, or for a border detention the procedure. */
  readonly streamId: string;
  readonly personId: string;
}

export interface BoardFilter {
  readonly now: Date;
  readonly directorate: string | null;
  /** Next deadline between now and this instant. */
  readonly expiringBy: Date | null;
  readonly overdue: boolean | null;
  readonly after: BoardCursor | null;
  readonly limit: number;
}

/** A person held in a case, with its legal clocks. */
export interface HeldInCase {
  readonly kind: 'criminal-custody';
  readonly caseId: string;
  readonly personId: string;
  readonly nextDeadline: Date;
  readonly clocks: CustodyClockRow[];
}

/** A foreigner in border detention (State Border Control Act): one 48-hour clock. */
export interface InBorderDetention {
  readonly kind: 'border-detention';
  readonly procedureId: string;
  readonly caseId: string | null;
  readonly personId: string;
  readonly directorate: string;
  readonly nationality: string | null;
  readonly startedAt: Date;
  readonly nextDeadline: Date;
}

export type HeldPerson = HeldInCase | InBorderDetention;

export class CustodyBoardQuery extends Query<HeldPerson[]> {
  constructor(readonly filter: BoardFilter) {
    super();
  }
}

/**
 * Everyone held, one entry per person in a case and per running border detention, ordered by
 * their nearest running deadline. Border detentions are read from the procedures' read model:
 * a detention runs from its start until the procedure's referral, handover or release.
 */
@QueryHandler(CustodyBoardQuery)
export class CustodyBoardHandler implements IQueryHandler<CustodyBoardQuery, HeldPerson[]> {
  constructor(private readonly db: DataSource) {}

  async execute({ filter }: CustodyBoardQuery): Promise<HeldPerson[]> {
    // One statement, so the board's two sources are read at one moment; a border detention's
    // columns come with it.
    const entries: {
      stream_id: string;
      person_id: string;
      next_deadline: Date;
      procedure: boolean;
      case_id: string | null;
      directorate: string | null;
      nationality: string | null;
      started_at: Date | null;
    }[] = await this.db.query(
      `WITH held AS (
         SELECT case_id AS stream_id, person_id,
                min(deadline) FILTER (WHERE met_at IS NULL) AS next_deadline, false AS procedure,
                NULL::uuid AS case_id, NULL::text AS directorate, NULL::text AS nationality,
                NULL::timestamptz AS started_at
           FROM read_model.custody_clocks
          WHERE $1::text IS NULL OR directorate = $1
          GROUP BY case_id, person_id
         UNION ALL
         SELECT procedure_id, person_id, border_detention_at + make_interval(hours => $9), true,
                case_id, directorate, nationality, border_detention_at
           FROM read_model.procedures
          WHERE border_detention_at IS NOT NULL
            AND referred_at IS NULL AND handed_over_at IS NULL AND released_at IS NULL
            AND ($1::text IS NULL OR directorate = $1))
       SELECT * FROM held
        WHERE ($2::timestamptz IS NULL OR next_deadline BETWEEN $3 AND $2)
          AND ($4::boolean IS NULL OR (next_deadline < $3) = $4)
          AND ($5::timestamptz IS NULL OR (next_deadline, stream_id, person_id) > ($5, $6, $7))
        ORDER BY next_deadline, stream_id, person_id
        LIMIT $8`,
      [
        filter.directorate,
        filter.expiringBy,
        filter.now,
        filter.overdue,
        filter.after?.nextDeadline ?? null,
        filter.after?.streamId ?? null,
        filter.after?.personId ?? null,
        filter.limit,
        BORDER_DETENTION_MAX_HOURS,
      ],
    );
    const inCases = entries.filter((e) => !e.procedure);
    const clocks = inCases.length
      ? await this.db.getRepository(CustodyClockRow).find({
          where: inCases.map((p) => ({ caseId: p.stream_id, personId: p.person_id })),
          order: { deadline: 'ASC', kind: 'ASC' },
        })
      : [];
    return entries.map((e): HeldPerson =>
      e.procedure
        ? {
            kind: 'border-detention',
            procedureId: e.stream_id,
            caseId: e.case_id,
            personId: e.person_id,
            directorate: e.directorate!,
            nationality: e.nationality,
            startedAt: e.started_at!,
            nextDeadline: e.next_deadline,
          }
        : {
            kind: 'criminal-custody',
            caseId: e.stream_id,
            personId: e.person_id,
            nextDeadline: e.next_deadline,
            clocks: clocks.filter((c) => c.caseId === e.stream_id && c.personId === e.person_id),
          },
    );
  }
}
