import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Read models live in their own schema so that a rebuild can fill a fresh schema and
 * swap it in. Each projection keeps, per stream, the last version it applied: written in
 * the same transaction as the read rows, it is what makes redelivery harmless.
 */
export class ReadModels1732262400001 implements MigrationInterface {
  name = 'ReadModels1732262400001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS read_model`);
    await q.query(`
      CREATE TABLE read_model.projection_checkpoints (
        projection    text        NOT NULL,
        stream_id     uuid        NOT NULL,
        version       integer     NOT NULL,
        position      bigint      NOT NULL,
        updated_at    timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (projection, stream_id)
      )`);
    await q.query(`
      CREATE TABLE read_model.cases (
        case_id           uuid        PRIMARY KEY,
        directorate       text        NOT NULL,
        border_section    text        NOT NULL,
        offence_article   integer     NOT NULL,
        offence_paragraph integer     NOT NULL,
        status            text        NOT NULL,
        summary           text        NOT NULL,
        opened_at         timestamptz NOT NULL,
        version           integer     NOT NULL,
        last_position     bigint      NOT NULL,
        updated_at        timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX cases_directorate_opened_idx ON read_model.cases (directorate, opened_at)`,
    );
    await q.query(`
      CREATE TABLE read_model.directorate_caseload (
        directorate  text    PRIMARY KEY,
        cases_opened integer NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA read_model CASCADE`);
  }
}
