import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The police procedures with foreigners apprehended after crossing illegally (projection
 * `procedures`): one row per procedure, as its facts say when they happened, whatever order
 * they were entered in. Each step keeps its own instant, so that a fact entered late is merged
 * by time (the latest wins) rather than by arrival; the nationality keeps when it was
 * established for the same reason. Whether a nationality is an EU one is decided when queried.
 *
 * The projection is new: with no `projection_progress` rows it starts from the topic's first
 * event, like any projection added later.
 */
export class Procedures1732262400010 implements MigrationInterface {
  name = 'Procedures1732262400010';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_model.procedures (
        procedure_id         uuid        PRIMARY KEY,
        person_id            uuid        NOT NULL,
        group_id             uuid        NOT NULL,
        directorate          text        NOT NULL,
        border_section       text        NOT NULL,
        came_from            text        NOT NULL,
        place                text        NOT NULL,
        apprehended_at       timestamptz NOT NULL,
        nationality          text,
        nationality_at       timestamptz NOT NULL,
        minor                boolean     NOT NULL,
        case_id              uuid,
        joint_operation      text,
        border_detention_at  timestamptz,
        intent_at            timestamptz,
        referral_destination text,
        referred_at          timestamptz,
        handed_over_at       timestamptz,
        released_at          timestamptz,
        left_asylum_home_at  timestamptz,
        version              integer     NOT NULL,
        last_position        bigint      NOT NULL,
        updated_at           timestamptz NOT NULL
      )`);
    // The list of a directorate, newest first, and its totals over a period.
    await q.query(
      `CREATE INDEX procedures_directorate_apprehended_idx ON read_model.procedures (directorate, apprehended_at)`,
    );
    // The same over the whole country (supervisors, the statistics without a directorate).
    await q.query(
      `CREATE INDEX procedures_apprehended_idx ON read_model.procedures (apprehended_at, procedure_id)`,
    );
    // A person's earlier procedures: caught again after leaving the asylum home; /people.
    await q.query(
      `CREATE INDEX procedures_person_apprehended_idx ON read_model.procedures (person_id, apprehended_at)`,
    );
    // The case migrants a procedure counts already, so that the statistics count them once.
    await q.query(
      `CREATE INDEX procedures_case_person_idx ON read_model.procedures (case_id, person_id)`,
    );
    // The running border detentions, for the custody board: few among many procedures.
    await q.query(
      `CREATE INDEX procedures_running_border_detention_idx
         ON read_model.procedures (border_detention_at)
         WHERE border_detention_at IS NOT NULL
           AND referred_at IS NULL AND handed_over_at IS NULL AND released_at IS NULL`,
    );
    await q.query(
      `CREATE INDEX procedures_joint_operation_idx ON read_model.procedures (joint_operation)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_model.procedures`);
    await q.query(`DELETE FROM read_model.projection_checkpoints WHERE projection = 'procedures'`);
    await q.query(`DELETE FROM read_model.projection_progress WHERE projection = 'procedures'`);
  }
}
