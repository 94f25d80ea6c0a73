import { CustodyBreachRow } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

/** Where a page starts: after this breach, in deadline order. */
export interface BreachCursor {
  readonly deadline: string;
  readonly caseId: string;
  readonly personId: string;
  readonly kind: string;
  readonly startedAt: string;
}

export interface BreachFilter {
  readonly directorate: string | null;
  readonly from: Date | null;
  readonly to: Date | null;
  readonly after: BreachCursor | null;
  readonly limit: number;
}

export class CustodyBreachesQuery extends Query<CustodyBreachRow[]> {
  constructor(readonly filter: BreachFilter) {
    super();
  }
}

/** Duties met late or never, by deadline. */
@QueryHandler(CustodyBreachesQuery)
export class CustodyBreachesHandler implements IQueryHandler<
  CustodyBreachesQuery,
  CustodyBreachRow[]
> {
  constructor(private readonly db: DataSource) {}

  execute({ filter }: CustodyBreachesQuery): Promise<CustodyBreachRow[]> {
    return this.db
      .getRepository(CustodyBreachRow)
      .createQueryBuilder('b')
      .where(':directorate::text IS NULL OR b.directorate = :directorate', {
        directorate: filter.directorate,
      })
      .andWhere(':from::timestamptz IS NULL OR b.deadline >= :from', { from: filter.from })
      .andWhere(':to::timestamptz IS NULL OR b.deadline < :to', { to: filter.to })
      .andWhere(
        ':deadline::timestamptz IS NULL OR (b.deadline, b.case_id, b.person_id, b.kind, b.started_at) > (:deadline, :caseId, :personId, :kind, :startedAt)',
        {
          deadline: filter.after?.deadline ?? null,
          caseId: filter.after?.caseId ?? null,
          personId: filter.after?.personId ?? null,
          kind: filter.after?.kind ?? null,
          startedAt: filter.after?.startedAt ?? null,
        },
      )
      .orderBy('b.deadline')
      .addOrderBy('b.case_id')
      .addOrderBy('b.person_id')
      .addOrderBy('b.kind')
      .addOrderBy('b.started_at')
      .limit(filter.limit)
      .getMany();
  }
}
