import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person has one nationality, the one established last in any case: each case's rows keep
 * when theirs was established, and the statistics and the people route both take the latest.
 * statistics_persons.slovenian_citizen now says only whether an arrest said so (the query adds
 * the nationality established last). Rows projected before this lack both until a rebuild
 * (`npm run cli -- rebuild`); until then they count as the oldest.
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
