import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The custody board: one row per legal clock of everyone held now. Its projection refolds a
 * case from facts of its own (a projection never reads another's tables: each is rebuilt
 * alone), so case_facts gains the name of the projection that keeps them.
 */
export class CustodyBoard1732262400004 implements MigrationInterface {
  name = 'CustodyBoard1732262400004';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE read_model.case_facts ADD COLUMN projection text NOT NULL DEFAULT 'cases'`,
    );
    await q.query(`ALTER TABLE read_model.case_facts DROP CONSTRAINT case_facts_pkey`);
    await q.query(
      `ALTER TABLE read_model.case_facts ADD PRIMARY KEY (projection, case_id, version)`,
    );
    await q.query(`ALTER TABLE read_model.case_facts ALTER COLUMN projection DROP DEFAULT`);
    await q.query(`
      CREATE TABLE read_model.custody_clocks (
        case_id      uuid        NOT NULL,
        person_id    uuid        NOT NULL,
        kind         text        NOT NULL,
        directorate  text        NOT NULL,
        role         text        NOT NULL,
        nationality  text,
        phase        text        NOT NULL,
        held_since   timestamptz NOT NULL,
        started_at   timestamptz NOT NULL,
        deadline     timestamptz NOT NULL,
        met_at       timestamptz,
        PRIMARY KEY (case_id, person_id, kind)
      )`);
    // The board's question: the running clocks, nearest deadline first.
    await q.query(
      `CREATE INDEX custody_clocks_running ON read_model.custody_clocks (deadline) WHERE met_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_model.custody_clocks`);
    await q.query(`DELETE FROM read_model.case_facts WHERE projection <> 'cases'`);
    await q.query(`ALTER TABLE read_model.case_facts DROP CONSTRAINT case_facts_pkey`);
    await q.query(`ALTER TABLE read_model.case_facts ADD PRIMARY KEY (case_id, version)`);
    await q.query(`ALTER TABLE read_model.case_facts DROP COLUMN projection`);
  }
}
