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

/** A person's rows of every case summed: the same person id across cases is one person. */
const PEOPLE = `
  WITH people AS (
    SELECT person_id,
           -- One nationality per person: the one established last, in any case.
           (array_agg(nationality ORDER BY nationality_at DESC NULLS LAST, last_seen_at DESC)
              FILTER (WHERE nationality IS NOT NULL))[1] AS nationality,
           count(*)::int AS cases,
           sum(apprehensions)::int AS apprehensions,
           sum(asylum_intents)::int AS asylum_intents,
           min(first_seen_at) AS first_seen_at,
           max(last_seen_at) AS last_seen_at,
           array_agg(DISTINCT role ORDER BY role) AS roles,
           array_agg(DISTINCT directorate ORDER BY directorate) AS directorates
      FROM read_model.person_cases GROUP BY person_id)
  SELECT * FROM people
   WHERE apprehensions >= $1 AND asylum_intents >= $2
     AND ($3::text IS NULL OR nationality = $3)
     AND ($4::text IS NULL OR $4 = ANY (directorates))`;

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
      const rows: PersonRow[] = await tx.query(
        `${PEOPLE} ORDER BY ${filter.sort} DESC, person_id LIMIT $5 OFFSET $6`,
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
}
