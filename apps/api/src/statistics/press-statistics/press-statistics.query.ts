import {
  CUSTODY_RULES,
  DIRECTORATES,
  NEIGHBOURING_COUNTRIES,
  REFERRAL_DESTINATIONS,
  nationalityClass,
} from '@app/domain';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource, EntityManager } from 'typeorm';
import { localDayStart } from '../../http/local-day';
import {
  ForeignersDto,
  NationalityCountDto,
  PeriodFiguresDto,
} from './press-statistics.response.dto';

/** Local days, half-open: `from` inclusive, `to` exclusive. */
export interface Period {
  readonly from: string;
  readonly to: string;
}

export class PressStatisticsQuery extends Query<PeriodFiguresDto[]> {
  constructor(
    readonly periods: readonly Period[],
    readonly directorate: string | null,
  ) {
    super();
  }
}

interface PersonGroup {
  role: 'suspect' | 'migrant';
  directorate: string;
  nationality: string;
  slovenian_citizen: boolean;
  expressed_intent: boolean;
  n: number;
}

/** A group of the foreigners counted: procedures, and case migrants no procedure counts. */
interface ForeignerGroup {
  in_procedure: boolean;
  came_from: string | null;
  nationality: string;
  intent: boolean;
  referral_destination: string | null;
  handed_over: boolean;
  released: boolean;
  caught_again: boolean;
  n: number;
  /** Distinct people over every group (the same on each row). */
  persons: number;
}

const IN_PERIOD = (column: string) =>
  `${column} >= ${localDayStart('$1')} AND ${column} < ${localDayStart('$2')}
   AND ($3::text IS NULL OR directorate = $3)`;

/** The counting rules of the README, over the statistics projection's rows. */
@QueryHandler(PressStatisticsQuery)
export class PressStatisticsHandler implements IQueryHandler<
  PressStatisticsQuery,
  PeriodFiguresDto[]
> {
  constructor(private readonly db: DataSource) {}

  execute({ periods, directorate }: PressStatisticsQuery): Promise<PeriodFiguresDto[]> {
    // One snapshot, so that a period and the year before it are counted on the same data.
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const figures: PeriodFiguresDto[] = [];
      for (const period of periods) figures.push(await this.figures(tx, period, directorate));
      return figures;
    });
  }

  private async figures(
    tx: EntityManager,
    period: Period,
    directorate: string | null,
  ): Promise<PeriodFiguresDto> {
    const params = [period.from, period.to, directorate];
    const cases: { directorate: string; n: number }[] = await tx.query(
      `SELECT directorate, count(*)::int AS n FROM read_model.statistics_cases
        WHERE ${IN_PERIOD('opened_at')} GROUP BY directorate`,
      params,
    );
    // One nationality per person, as /people has it: the one established last, in any case.
    const persons: PersonGroup[] = await tx.query(
      `WITH counted AS (
         SELECT p.role, p.directorate, p.slovenian_citizen, p.expressed_intent,
                (SELECT s.nationality FROM read_model.statistics_persons s
                  WHERE s.person_id = p.person_id AND s.nationality IS NOT NULL
                  ORDER BY s.nationality_at DESC NULLS LAST, s.recorded_at DESC
                  LIMIT 1) AS nationality
           FROM read_model.statistics_persons p
          WHERE ${IN_PERIOD('p.recorded_at')})
       SELECT role, directorate, coalesce(nationality, 'unknown') AS nationality,
              slovenian_citizen OR coalesce(nationality = 'SI', false) AS slovenian_citizen,
              expressed_intent,
              count(*)::int AS n
         FROM counted GROUP BY 1, 2, 3, 4, 5`,
      params,
    );
    const remands: { directorate: string; n: number }[] = await tx.query(
      `SELECT directorate, count(*)::int AS n FROM read_model.statistics_persons
        WHERE ${IN_PERIOD('remanded_at')} GROUP BY directorate`,
      params,
    );

    const foreigners: ForeignerGroup[] = await tx.query(FOREIGNERS, params);

    const smugglers = persons.filter((g) => g.role === 'suspect');
    const migrants = persons.filter((g) => g.role === 'migrant');
    const foreignMigrants = migrants.filter((g) => !g.slovenian_citizen);
    const foreign = sum(foreignMigrants);
    const expressed = sum(foreignMigrants.filter((g) => g.expressed_intent));
    const of = (groups: readonly { directorate: string; n: number }[], d: string) =>
      sum(groups.filter((g) => g.directorate === d));
    return {
      period: { ...period, timeZone: CUSTODY_RULES.timeZone },
      cases: sum(cases),
      smugglersArrested: {
        total: sum(smugglers),
        foreigners: sum(smugglers.filter((g) => !g.slovenian_citizen)),
        slovenianCitizens: sum(smugglers.filter((g) => g.slovenian_citizen)),
      },
      migrants: sum(migrants),
      smugglersRemanded: sum(remands),
      asylumIntent: {
        foreignMigrants: foreign,
        expressedIntent: expressed,
        share: foreign === 0 ? null : expressed / foreign,
      },
      byNationality: { smugglers: byNationality(smugglers), migrants: byNationality(migrants) },
      byDirectorate: DIRECTORATES.filter((d) => directorate === null || d === directorate).map(
        (d) => ({
          directorate: d,
          cases: of(cases, d),
          smugglersArrested: of(smugglers, d),
          migrants: of(migrants, d),
          smugglersRemanded: of(remands, d),
        }),
      ),
      foreigners: foreignerFigures(foreigners),
    };
  }
}

/**
 * The foreigners apprehended, by the README's rules: every procedure opened by an apprehension
 * in the period, and every migrant of a smuggling case first apprehended in the period who is
 * not Slovenian and whom no procedure counts already (no procedure links their case and them).
 * Each with the nationality established last for the person (in a procedure or a case), and,
 * for a procedure, its outcome and whether the person had left an asylum home before, after an
 * earlier procedure.
 *
 * Every lookup has its index: the earlier procedures by (person_id, apprehended_at), the
 * linking procedure by (case_id, person_id); the nationalities are read for the counted people
 * at once, not row by row.
 */
const FOREIGNERS = `
  WITH counted AS MATERIALIZED (
    SELECT p.person_id, true AS in_procedure, p.came_from,
           p.intent_at IS NOT NULL AS intent, p.referral_destination,
           p.handed_over_at IS NOT NULL AS handed_over, p.released_at IS NOT NULL AS released,
           EXISTS (SELECT 1 FROM read_model.procedures e
                    WHERE e.person_id = p.person_id AND e.apprehended_at < p.apprehended_at
                      AND e.left_asylum_home_at <= p.apprehended_at) AS caught_again
      FROM read_model.procedures p
     WHERE ${IN_PERIOD('p.apprehended_at')}
    UNION ALL
    SELECT s.person_id, false, NULL, s.expressed_intent, NULL, false, false, false
      FROM read_model.statistics_persons s
     WHERE s.role = 'migrant' AND NOT s.slovenian_citizen AND ${IN_PERIOD('s.recorded_at')}
       AND NOT EXISTS (SELECT 1 FROM read_model.procedures l
                        WHERE l.case_id = s.case_id AND l.person_id = s.person_id)
  ), latest AS (
    SELECT DISTINCT ON (person_id) person_id, nationality
      FROM (SELECT person_id, nationality, nationality_at, apprehended_at AS seen_at
              FROM read_model.procedures
             WHERE nationality IS NOT NULL AND person_id IN (SELECT person_id FROM counted)
            UNION ALL
            SELECT person_id, nationality, nationality_at, recorded_at
              FROM read_model.statistics_persons
             WHERE nationality IS NOT NULL AND person_id IN (SELECT person_id FROM counted)) known
     ORDER BY person_id, nationality_at DESC NULLS LAST, seen_at DESC
  ), foreigners AS (
    SELECT c.*, coalesce(l.nationality, 'unknown') AS nationality
      FROM counted c LEFT JOIN latest l USING (person_id)
     -- A case migrant whose nationality established last is Slovenian is no foreigner.
     WHERE c.in_procedure OR l.nationality IS DISTINCT FROM 'SI'
  )
  SELECT in_procedure, came_from, nationality, intent, referral_destination, handed_over,
         released, caught_again, count(*)::int AS n,
         (SELECT count(DISTINCT person_id) FROM foreigners)::int AS persons
    FROM foreigners GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`;

function foreignerFigures(groups: readonly ForeignerGroup[]): ForeignersDto {
  const procedures = groups.filter((g) => g.in_procedure);
  const caughtAgain = procedures.filter((g) => g.caught_again);
  const apprehended = sum(groups);
  const expressedIntent = sum(groups.filter((g) => g.intent));
  const ofClass = (c: string) =>
    sum(
      groups.filter(
        (g) => nationalityClass(g.nationality === 'unknown' ? null : g.nationality) === c,
      ),
    );
  return {
    apprehended,
    persons: groups[0]?.persons ?? 0,
    thirdCountry: ofClass('third-country'),
    eu: ofClass('eu'),
    unknownNationality: ofClass('unknown'),
    expressedIntent,
    intentShare: apprehended === 0 ? 0 : expressedIntent / apprehended,
    referrals: Object.fromEntries(
      REFERRAL_DESTINATIONS.map((d) => [
        d,
        sum(procedures.filter((g) => g.referral_destination === d)),
      ]),
    ) as unknown as ForeignersDto['referrals'],
    handedOver: sum(procedures.filter((g) => g.handed_over)),
    released: sum(procedures.filter((g) => g.released)),
    caughtAgainAfterLeaving: sum(caughtAgain),
    repeatIntentsAfterLeaving: sum(caughtAgain.filter((g) => g.intent)),
    byNationality: byNationality(groups),
    byNeighbour: NEIGHBOURING_COUNTRIES.map((country) => ({
      country,
      count: sum(procedures.filter((g) => g.came_from === country)),
    })).sort((a, b) => b.count - a.count || a.country.localeCompare(b.country)),
  };
}

const sum = (groups: readonly { n: number }[]) => groups.reduce((total, g) => total + g.n, 0);

function byNationality(
  groups: readonly { nationality: string; n: number }[],
): NationalityCountDto[] {
  const counts = new Map<string, number>();
  for (const g of groups) counts.set(g.nationality, (counts.get(g.nationality) ?? 0) + g.n);
  return [...counts]
    .map(([nationality, count]) => ({ nationality, count }))
    .sort((a, b) => b.count - a.count || a.nationality.localeCompare(b.nationality));
}
