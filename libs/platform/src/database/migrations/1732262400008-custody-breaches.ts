import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duties met late or never (a decision after 6 h, a hearing after 48 h, an order served after
 * 24 h, someone held past a limit), kept by the custody board's projection after the phase ends.
 */
export class CustodyBreaches1732262400008 implements MigrationInterface {
  name = 'CustodyBreaches1732262400008';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_model.custody_breaches (
        case_id      uuid        NOT NULL,
        person_id    uuid        NOT NULL,
        kind         text        NOT NULL,
        started_at   timestamptz NOT NULL,
        directorate  text        NOT NULL,
        deadline     timestamptz NOT NULL,
        met_at       timestamptz,
        ended_at     timestamptz,
        PRIMARY KEY (case_id, person_id, kind, started_at)
      )`);
    // The supervisors' and auditors' question: a directorate's breaches in a period.
    await q.query(
      `CREATE INDEX custody_breaches_by_directorate ON read_model.custody_breaches (directorate, deadline)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_model.custody_breaches`);
  }
}
