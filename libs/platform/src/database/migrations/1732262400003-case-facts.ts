import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facts of each case, as the cases projection received them. A correction changes what
 * earlier facts said, so the projection refolds the case from these with the domain's own
 * evolve function instead of patching its row.
 */
export class CaseFacts1732262400003 implements MigrationInterface {
  name = 'CaseFacts1732262400003';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_model.case_facts (
        case_id     uuid        NOT NULL,
        version     integer     NOT NULL,
        event_id    uuid        NOT NULL,
        type        text        NOT NULL,
        occurred_at timestamptz NOT NULL,
        data        jsonb       NOT NULL,
        PRIMARY KEY (case_id, version)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_model.case_facts`);
  }
}
