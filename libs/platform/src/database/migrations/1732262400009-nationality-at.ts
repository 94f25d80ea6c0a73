import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person has one nationality, the one established last in any case: each case's rows keep
 * when theirs was established, and the statistics and the people route both take the latest.
 * Rows projected before this have none (they count as the oldest) until a rebuild.
 */
export class NationalityAt1732262400009 implements MigrationInterface {
  name = 'NationalityAt1732262400009';

  async up(q: QueryRunner): Promise<void> {
    for (const table of ['statistics_persons', 'person_cases']) {
      await q.query(`ALTER TABLE read_model.${table} ADD COLUMN nationality_at timestamptz`);
      await q.query(
        `CREATE INDEX ${table}_nationality_idx ON read_model.${table} (person_id, nationality_at DESC NULLS LAST) WHERE nationality IS NOT NULL`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['statistics_persons', 'person_cases']) {
      await q.query(`ALTER TABLE read_model.${table} DROP COLUMN nationality_at`);
    }
  }
}
