import { REFERRAL_DESTINATIONS } from '@app/domain';
import { ProcedureRow } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { localDayStart } from '../../http/local-day';
import { ProcedureTotalsDto } from './list-procedures.response.dto';

export interface ProceduresFilter {
  readonly directorate: string | null;
  readonly borderSection: string | null;
  /** Local dates (Europe/Ljubljana), half-open: from inclusive, to exclusive. */
  readonly from: string | null;
  readonly to: string | null;
  readonly jointOperation: string | null;
  readonly caseId: string | null;
  /** The last procedure of the previous page: latest apprehension first. */
  readonly after: { readonly apprehendedAt: string; readonly procedureId: string } | null;
  readonly limit: number;
}

export interface ProcedureList {
  readonly totals: ProcedureTotalsDto;
  readonly rows: ProcedureRow[];
}

export class ListProceduresQuery extends Query<ProcedureList> {
  constructor(readonly filter: ProceduresFilter) {
    super();
  }
}

/** A step on record that no referral, handover or release has ended: the person is held. */
const IN_BORDER_DETENTION = `p.borderDetentionAt IS NOT NULL AND p.referredAt IS NULL
  AND p.handedOverAt IS NULL AND p.releasedAt IS NULL`;

/** The procedures the filters select, a page of them, and totals over all of them. */
@QueryHandler(ListProceduresQuery)
export class ListProceduresHandler implements IQueryHandler<ListProceduresQuery, ProcedureList> {
  constructor(private readonly db: DataSource) {}

  execute({ filter }: ListProceduresQuery): Promise<ProcedureList> {
    // One snapshot, so that the totals and the page agree.
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const selected = tx.getRepository(ProcedureRow).createQueryBuilder('p');
      if (filter.directorate) {
        selected.andWhere('p.directorate = :directorate', { directorate: filter.directorate });
      }
      if (filter.borderSection) {
        selected.andWhere('p.borderSection = :section', { section: filter.borderSection });
      }
      if (filter.from) {
        selected.andWhere(`p.apprehendedAt >= ${localDayStart(':from')}`, { from: filter.from });
      }
      if (filter.to) {
        selected.andWhere(`p.apprehendedAt < ${localDayStart(':to')}`, { to: filter.to });
      }
      if (filter.jointOperation) {
        selected.andWhere('p.jointOperation = :operation', { operation: filter.jointOperation });
      }
      if (filter.caseId) selected.andWhere('p.caseId = :caseId', { caseId: filter.caseId });

      const totals = selected
        .clone()
        .select('count(*)::int', 'procedures')
        .addSelect('count(DISTINCT p.personId)::int', 'persons')
        .addSelect('count(*) FILTER (WHERE p.intentAt IS NOT NULL)::int', 'expressedIntent')
        .addSelect('count(*) FILTER (WHERE p.handedOverAt IS NOT NULL)::int', 'handedOver')
        .addSelect('count(*) FILTER (WHERE p.releasedAt IS NOT NULL)::int', 'released')
        .addSelect(`count(*) FILTER (WHERE ${IN_BORDER_DETENTION})::int`, 'inBorderDetention');
      REFERRAL_DESTINATIONS.forEach((destination, i) =>
        totals
          .addSelect(
            `count(*) FILTER (WHERE p.referralDestination = :destination${i})::int`,
            `referrals${i}`,
          )
          .setParameter(`destination${i}`, destination),
      );
      const counted = (await totals.getRawOne<Record<string, number>>())!;

      if (filter.after) {
        selected.andWhere(
          '(p.apprehendedAt, p.procedureId) < (:afterAt::timestamptz, :afterId::uuid)',
          { afterAt: filter.after.apprehendedAt, afterId: filter.after.procedureId },
        );
      }
      const rows = await selected
        .orderBy('p.apprehendedAt', 'DESC')
        .addOrderBy('p.procedureId', 'DESC')
        .limit(filter.limit)
        .getMany();
      return {
        totals: {
          procedures: counted.procedures,
          persons: counted.persons,
          expressedIntent: counted.expressedIntent,
          referrals: Object.fromEntries(
            REFERRAL_DESTINATIONS.map((destination, i) => [destination, counted[`referrals${i}`]]),
          ) as unknown as ProcedureTotalsDto['referrals'],
          handedOver: counted.handedOver,
          released: counted.released,
          inBorderDetention: counted.inBorderDetention,
        },
        rows,
      };
    });
  }
}
