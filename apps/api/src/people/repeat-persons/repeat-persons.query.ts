import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { PersonRecordDto } from './repeat-persons.response.dto';

export interface PeopleFilter {
  readonly minApprehensions: number;
  readonly minAsylumIntents: number;
  readonly nationality: string | null;
  readonly directorate: string | null;
  readonly sort: 'apprehensions' | 'asylum_intents' | 'last_seen_at';
  readonly offset: number;
  readonly limit: number;
}

export interface PeoplePage {
  readonly total: number;
  readonly items: PersonRecordDto[];
}

export class RepeatPersonsQuery extends Query<PeoplePage> {
  constructor(readonly filter: PeopleFilter) {
    super();
  }
}

/**
 * A person's rows of every case and every police procedure summed: the same person id across
 * cases and procedures is one person. A procedure linked to a case is the case's apprehension
 * seen again: it adds no apprehension or intent of its own, only its procedure counts.
 */
const PEOPLE = `
  WITH seen AS (
    SELECT person_id, nationality, nationality_at, 1 AS cases, apprehensions, asylum_intents,
           first_seen_at, last_seen_at, role, directorate
      FROM read_model.person_cases
    UNION ALL
    SELECT person_id, nationality, nationality_at, 0,
           (case_id IS NULL)::int, (case_id IS NULL AND intent_at IS NOT NULL)::int,
           apprehended_at, apprehended_at, 'migrant', directorate
      FROM read_model.procedures
  ), people AS (
    SELECT person_id,
           -- One nationality per person: the one established last, in any case or procedure.
           (array_agg(nationality ORDER BY nationality_at DESC NULLS LAST, last_seen_at DESC)
              FILTER (WHERE nationality IS NOT NULL))[1] AS nationality,
           sum(cases)::int AS cases,
           sum(apprehensions)::int AS apprehensions,
           sum(asylum_intents)::int AS asylum_intents,
           min(first_seen_at) AS first_seen_at,
           max(last_seen_at) AS last_seen_at,
           array_agg(DISTINCT role ORDER BY role) AS roles,
           array_agg(DISTINCT directorate ORDER BY directorate) AS directorates
      FROM seen GROUP BY person_id)
  SELECT * FROM people
   WHERE apprehensions >= $1 AND asylum_intents >= $2
     AND ($3::text IS NULL OR nationality = $3)
     AND ($4::text IS NULL OR $4 = ANY (directorates))`;

/**
 * The procedures of a page's person, over the whole country like the other counts: counted
 * for the page only, each person's by their index (person_id, apprehended_at). Caught again
 * after leaving: a procedure whose person had left the asylum home, after an earlier
 * procedure, by this apprehension (as the statistics count it).
 */
const PROCEDURE_COUNTS = `
  SELECT count(*)::int AS procedures,
         count(*) FILTER (WHERE p.intent_at IS NOT NULL)::int AS procedure_intents,
         count(*) FILTER (WHERE p.referred_at IS NOT NULL)::int AS referrals,
         count(*) FILTER (WHERE EXISTS (
           SELECT 1 FROM read_model.procedures e
            WHERE e.person_id = p.person_id AND e.apprehended_at < p.apprehended_at
              AND e.left_asylum_home_at <= p.apprehended_at))::int AS caught_again
    FROM read_model.procedures p WHERE p.person_id = page.person_id`;

@QueryHandler(RepeatPersonsQuery)
export class RepeatPersonsHandler implements IQueryHandler<RepeatPersonsQuery, PeoplePage> {
  constructor(private readonly db: DataSource) {}

  execute({ filter }: RepeatPersonsQuery): Promise<PeoplePage> {
    const params = [
      filter.minApprehensions,
      filter.minAsylumIntents,
      filter.nationality,
      filter.directorate,
    ];
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const [{ total }]: { total: number }[] = await tx.query(
        `SELECT count(*)::int AS total FROM (${PEOPLE}) selected`,
        params,
      );
      const order = `${filter.sort} DESC, person_id`;
      const rows: PersonRow[] = await tx.query(
        `SELECT page.*, counts.* FROM (${PEOPLE} ORDER BY ${order} LIMIT $5 OFFSET $6) page
           CROSS JOIN LATERAL (${PROCEDURE_COUNTS}) counts
          ORDER BY ${order}`,
        [...params, filter.limit, filter.offset],
      );
      return {
        total,
        items: rows.map((r) => ({
          personId: r.person_id,
          nationality: r.nationality,
          cases: r.cases,
          apprehensions: r.apprehensions,
          asylumIntents: r.asylum_intents,
          firstSeenAt: r.first_seen_at.toISOString(),
          lastSeenAt: r.last_seen_at.toISOString(),
          roles: r.roles,
          directorates: r.directorates,
          procedures: r.procedures,
          intents: r.procedure_intents,
          referrals: r.referrals,
          caughtAgainAfterLeaving: r.caught_again,
        })),
      };
    });
  }
}

interface PersonRow {
  person_id: string;
  nationality: string | null;
  cases: number;
  apprehensions: number;
  asylum_intents: number;
  first_seen_at: Date;
  last_seen_at: Date;
  roles: string[];
  directorates: string[];
  procedures: number;
  procedure_intents: number;
  referrals: number;
  caught_again: number;
}
