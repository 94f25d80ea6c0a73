import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's history is every event, of any stream, whose data names the person: as
 * `personId`, in a list (`suspectIds`, `defendantIds`), inside a correction's replacement or
 * in sealed personal data. This index holds, per event, every string in its data that is a
 * UUID, so that "events mentioning this id" is an index lookup (`@>`) instead of a scan of
 * every event's data. `jsonb_path_query_array` is immutable, as an index expression must be;
 * the audit query repeats the expression word for word, or the planner would not use it.
 */
export class AuditHistory1732262400007 implements MigrationInterface {
  name = 'AuditHistory1732262400007';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE INDEX events_mentioned_ids ON event_store.events USING gin (
        (jsonb_path_query_array(data, 'strict $.** ? (@ like_regex "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")'))
        jsonb_path_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX event_store.events_mentioned_ids`);
  }
}
