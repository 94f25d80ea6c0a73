import { CaseRow } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { localDayStart } from '../../http/local-day';
import { CaseloadTotalsDto } from './caseload.response.dto';

export type CaseloadSortKey = 'openedAt' | 'migrants' | 'inCustody';

export interface CaseloadFilter {
  readonly directorate: string | null;
  readonly borderSection: string | null;
  readonly status: string | null;
  readonly jointOperation: string | null;
  /** Local dates (Europe/Ljubljana), half-open: from inclusive, to exclusive. */
  readonly openedFrom: string | null;
  readonly openedTo: string | null;
  readonly sort: { readonly key: CaseloadSortKey; readonly descending: boolean };
  /** The last case of the previous page, in this sort. */
  readonly after: { readonly value: string | number; readonly caseId: string } | null;
  readonly limit: number;
}

export interface Caseload {
  readonly totals: CaseloadTotalsDto;
  readonly rows: CaseRow[];
}

export class CaseloadQuery extends Query<Caseload> {
  constructor(readonly filter: CaseloadFilter) {
    super();
  }
}

/** The cases the filters select, a page in the chosen order, and totals over all of them. */
@QueryHandler(CaseloadQuery)
export class CaseloadHandler implements IQueryHandler<CaseloadQuery, Caseload> {
  constructor(private readonly db: DataSource) {}

  execute({ filter }: CaseloadQuery): Promise<Caseload> {
    // One snapshot, so that the totals and the page agree.
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const selected = tx.getRepository(CaseRow).createQueryBuilder('c');
      if (filter.directorate) {
        selected.andWhere('c.directorate = :directorate', { directorate: filter.directorate });
      }
      if (filter.borderSection) {
        selected.andWhere('c.borderSection = :section', { section: filter.borderSection });
      }
      if (filter.status) selected.andWhere('c.status = :status', { status: filter.status });
      if (filter.jointOperation) {
        selected.andWhere('c.jointOperations @> ARRAY[:operation]::text[]', {
          operation: filter.jointOperation,
        });
      }
      if (filter.openedFrom) {
        selected.andWhere(`c.openedAt >= ${localDayStart(':from')}`, {
          from: filter.openedFrom,
        });
      }
      if (filter.openedTo) {
        selected.andWhere(`c.openedAt < ${localDayStart(':to')}`, {
          to: filter.openedTo,
        });
      }

      const totals = await selected
        .clone()
        .select('count(*)', 'cases')
        .addSelect('coalesce(sum(c.suspects), 0)', 'suspects')
        .addSelect('coalesce(sum(c.migrants), 0)', 'migrants')
        .addSelect('coalesce(sum(c.inCustody), 0)', 'inCustody')
        .getRawOne<Record<keyof CaseloadTotalsDto, string>>();

      const { key, descending } = filter.sort;
      const direction = descending ? 'DESC' : 'ASC';
      if (filter.after) {
        const cast = key === 'openedAt' ? 'timestamptz' : 'int';
        selected.andWhere(
          `(c.${key}, c.caseId) ${descending ? '<' : '>'} (:afterValue::${cast}, :afterId::uuid)`,
          { afterValue: filter.after.value, afterId: filter.after.caseId },
        );
      }
      const rows = await selected
        .orderBy(`c.${key}`, direction)
        .addOrderBy('c.caseId', direction)
        .limit(filter.limit)
        .getMany();
      return {
        totals: {
          cases: Number(totals!.cases),
          suspects: Number(totals!.suspects),
          migrants: Number(totals!.migrants),
          inCustody: Number(totals!.inCustody),
        },
        rows,
      };
    });
  }
}
