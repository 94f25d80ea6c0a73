import { CustodyClockRow } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

/** Where a page of the board starts: after this person, in board order. */
export interface BoardCursor {
  readonly nextDeadline: string;
  readonly caseId: string;
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

export interface HeldPerson {
  readonly caseId: string;
  readonly personId: string;
  readonly nextDeadline: Date;
  readonly clocks: CustodyClockRow[];
}

export class CustodyBoardQuery extends Query<HeldPerson[]> {
  constructor(readonly filter: BoardFilter) {
    super();
  }
}

/** Everyone held, one entry per person in a case, ordered by their nearest running deadline. */
@QueryHandler(CustodyBoardQuery)
export class CustodyBoardHandler implements IQueryHandler<CustodyBoardQuery, HeldPerson[]> {
  constructor(private readonly db: DataSource) {}

  async execute({ filter }: CustodyBoardQuery): Promise<HeldPerson[]> {
    const people: { case_id: string; person_id: string; next_deadline: Date }[] =
      await this.db.query(
        `WITH held AS (
           SELECT case_id, person_id, min(deadline) FILTER (WHERE met_at IS NULL) AS next_deadline
             FROM read_model.custody_clocks
            WHERE $1::text IS NULL OR directorate = $1
            GROUP BY case_id, person_id)
         SELECT case_id, person_id, next_deadline FROM held
          WHERE ($2::timestamptz IS NULL OR next_deadline BETWEEN $3 AND $2)
            AND ($4::boolean IS NULL OR (next_deadline < $3) = $4)
            AND ($5::timestamptz IS NULL OR (next_deadline, case_id, person_id) > ($5, $6, $7))
          ORDER BY next_deadline, case_id, person_id
          LIMIT $8`,
        [
          filter.directorate,
          filter.expiringBy,
          filter.now,
          filter.overdue,
          filter.after?.nextDeadline ?? null,
          filter.after?.caseId ?? null,
          filter.after?.personId ?? null,
          filter.limit,
        ],
      );
    if (people.length === 0) return [];
    const clocks = await this.db.getRepository(CustodyClockRow).find({
      where: people.map((p) => ({ caseId: p.case_id, personId: p.person_id })),
      order: { deadline: 'ASC', kind: 'ASC' },
    });
    return people.map((p) => ({
      caseId: p.case_id,
      personId: p.person_id,
      nextDeadline: p.next_deadline,
      clocks: clocks.filter((c) => c.caseId === p.case_id && c.personId === p.person_id),
    }));
  }
}
