import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { readOnlySnapshot } from '@app/audit';
import { HistoryFilter, HistoryPage, historyPage } from '../shared/event-history';

/**
 * The events whose data names the id anywhere, in any stream but the one the id names itself.
 * The expression is the one `events_mentioned_ids` indexes (migration 1732262400007), word for
 * word: any other spelling and Postgres would scan every event.
 */
export const MENTIONS_PERSON = `jsonb_path_query_array(e.data, 'strict $.** ? (@ like_regex "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")')
    @> jsonb_build_array($1::uuid::text) AND e.stream_id <> $1::uuid`;

/** A page of the events naming a person, across cases; null when no event names them. */
export class PersonHistoryQuery extends Query<HistoryPage | null> {
  constructor(
    readonly personId: string,
    readonly filter: HistoryFilter,
  ) {
    super();
  }
}

@QueryHandler(PersonHistoryQuery)
export class PersonHistoryHandler implements IQueryHandler<PersonHistoryQuery, HistoryPage | null> {
  constructor(private readonly db: DataSource) {}

  execute({ personId, filter }: PersonHistoryQuery): Promise<HistoryPage | null> {
    return readOnlySnapshot(this.db, async (tx) => {
      // A person, not any id an event mentions (a group, another case): one of the register, or
      // one an event is about (records imported from elsewhere may not be in the register).
      const [{ known }]: { known: boolean }[] = await tx.query(
        `SELECT EXISTS (SELECT 1 FROM personal_data.persons WHERE person_id = $1)
             OR EXISTS (SELECT 1 FROM event_store.events e
                         WHERE ${MENTIONS_PERSON} AND e.data->>'personId' = $1::text) AS known`,
        [personId],
      );
      return known ? historyPage(tx, MENTIONS_PERSON, personId, filter) : null;
    });
  }
}
