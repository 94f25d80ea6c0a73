import { CUSTODY_RULES, DIRECTORATES } from '@app/domain';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource, EntityManager } from 'typeorm';
import { localDayStart } from '../../http/local-day';
import { NationalityCountDto, PeriodFiguresDto } from './press-statistics.response.dto';

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
    };
  }
}

const sum = (groups: readonly { n: number }[]) => groups.reduce((total, g) => total + g.n, 0);

function byNationality(groups: readonly PersonGroup[]): NationalityCountDto[] {
  const counts = new Map<string, number>();
  for (const g of groups) counts.set(g.nationality, (counts.get(g.nationality) ?? 0) + g.n);
  return [...counts]
    .map(([nationality, count]) => ({ nationality, count }))
    .sort((a, b) => b.count - a.count || a.nationality.localeCompare(b.nationality));
}
