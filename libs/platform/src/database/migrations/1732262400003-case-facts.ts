import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts of each case, as the cases projection received them. A correction changes what
 * earlier facts said, so the projection refolds the case from these with the domain's own
 * evolve function instead of patching its row. Cases projected before this table existed get
 * their facts from the event store, up to the projection's checkpoint.
 */
export class CaseFacts1732262400003 implements MigrationInterface {
  name = 'CaseFacts1732262400003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_model.case_facts (
        case_id        uuid        NOT NULL,
        version        integer     NOT NULL,
        event_id       uuid        NOT NULL,
        type           text        NOT NULL,
        schema_version integer     NOT NULL,
        occurred_at    timestamptz NOT NULL,
        data           jsonb       NOT NULL,
        PRIMARY KEY (case_id, version)
      )`);
    await q.query(`
      INSERT INTO read_model.case_facts
        (case_id, version, event_id, type, schema_version, occurred_at, data)
      SELECT e.stream_id, e.version, e.event_id, e.type, e.schema_version, e.occurred_at, e.data
        FROM event_store.events e
        JOIN read_model.projection_checkpoints c
          ON c.projection = 'cases' AND c.stream_id = e.stream_id AND e.version <= c.version
       WHERE e.stream_type = 'case'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_model.case_facts`);
  }
}
