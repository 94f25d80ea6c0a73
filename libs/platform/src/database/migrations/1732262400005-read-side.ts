import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The read side the users query: the caseload and case detail (projection `cases`), the
 * press-release statistics (`statistics`) and repeat apprehensions and intents per person
 * (`people`).
 *
 * Each projection also records, per partition, the next topic offset it will apply, in the
 * transaction of its rows: that is what its lag is measured from, and a projection without
 * any such row is one that must start from the topic's beginning. The `cases` projection
 * gains columns its old rows cannot fill, so its rows are cleared here and, like the
 * projections new here, it is rebuilt from the topic.
 *
 * Rows hold nothing that differs between two builds from the same topic (no "updated now"
 * stamps), so a rebuild can be compared with the live tables row for row.
 */
export class ReadSide1732262400005 implements MigrationInterface {
  name = 'ReadSide1732262400005';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_model.directorate_caseload`);
    await q.query(`ALTER TABLE read_model.projection_checkpoints DROP COLUMN updated_at`);
    await q.query(`
      CREATE TABLE read_model.projection_progress (
        projection       text        NOT NULL,
        partition        integer     NOT NULL,
        next_offset      bigint      NOT NULL,
        last_recorded_at timestamptz NOT NULL,
        PRIMARY KEY (projection, partition)
      )`);

    await q.query(`DELETE FROM read_model.cases`);
    await q.query(`DELETE FROM read_model.case_facts WHERE projection = 'cases'`);
    await q.query(`DELETE FROM read_model.projection_checkpoints WHERE projection = 'cases'`);
    await q.query(`
      ALTER TABLE read_model.cases
        ADD COLUMN joint_operations    text[]      NOT NULL,
        ADD COLUMN suspects            integer     NOT NULL,
        ADD COLUMN migrants            integer     NOT NULL,
        ADD COLUMN in_custody          integer     NOT NULL,
        ADD COLUMN complaint_filed_at  timestamptz,
        ADD COLUMN referred_at         timestamptz,
        ADD COLUMN closed_at           timestamptz`);
    await q.query(`CREATE INDEX cases_opened_idx ON read_model.cases (opened_at, case_id)`);
    await q.query(
      `CREATE INDEX cases_joint_operations_idx ON read_model.cases USING gin (joint_operations)`,
    );
    await q.query(`
      CREATE TABLE read_model.case_persons (
        case_id           uuid        NOT NULL,
        person_id         uuid        NOT NULL,
        role              text        NOT NULL,
        nationality       text,
        slovenian_citizen boolean     NOT NULL,
        minor             boolean     NOT NULL,
        recorded_at       timestamptz NOT NULL,
        apprehensions     integer     NOT NULL,
        custody_phase     text        NOT NULL,
        held_since        timestamptz,
        protection        text        NOT NULL,
        protection_since  timestamptz,
        asylum_intents    integer     NOT NULL,
        referrals         jsonb       NOT NULL,
        PRIMARY KEY (case_id, person_id)
      )`);

    // Statistics count rows, never keep counters: a period is any pair of dates.
    await q.query(`
      CREATE TABLE read_model.statistics_cases (
        case_id     uuid        PRIMARY KEY,
        directorate text        NOT NULL,
        opened_at   timestamptz NOT NULL
      )`);
    await q.query(
      `CREATE INDEX statistics_cases_opened_idx ON read_model.statistics_cases (opened_at)`,
    );
    await q.query(`
      CREATE TABLE read_model.statistics_persons (
        case_id           uuid        NOT NULL,
        person_id         uuid        NOT NULL,
        role              text        NOT NULL,
        directorate       text        NOT NULL,
        nationality       text,
        slovenian_citizen boolean     NOT NULL,
        recorded_at       timestamptz NOT NULL,
        remanded_at       timestamptz,
        expressed_intent  boolean     NOT NULL,
        PRIMARY KEY (case_id, person_id)
      )`);
    await q.query(
      `CREATE INDEX statistics_persons_recorded_idx ON read_model.statistics_persons (recorded_at)`,
    );
    await q.query(
      `CREATE INDEX statistics_persons_remanded_idx ON read_model.statistics_persons (remanded_at)`,
    );

    await q.query(`
      CREATE TABLE read_model.person_cases (
        person_id      uuid        NOT NULL,
        case_id        uuid        NOT NULL,
        directorate    text        NOT NULL,
        role           text        NOT NULL,
        nationality    text,
        first_seen_at  timestamptz NOT NULL,
        last_seen_at   timestamptz NOT NULL,
        apprehensions  integer     NOT NULL,
        asylum_intents integer     NOT NULL,
        PRIMARY KEY (person_id, case_id)
      )`);
    await q.query(`CREATE INDEX person_cases_case_idx ON read_model.person_cases (case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE read_model.person_cases`);
    await q.query(`DROP TABLE read_model.statistics_persons`);
    await q.query(`DROP TABLE read_model.statistics_cases`);
    await q.query(`DROP TABLE read_model.case_persons`);
    await q.query(`DROP INDEX read_model.cases_joint_operations_idx`);
    await q.query(`DROP INDEX read_model.cases_opened_idx`);
    await q.query(`
      ALTER TABLE read_model.cases
        DROP COLUMN joint_operations, DROP COLUMN suspects, DROP COLUMN migrants,
        DROP COLUMN in_custody, DROP COLUMN complaint_filed_at, DROP COLUMN referred_at,
        DROP COLUMN closed_at`);
    await q.query(`DROP TABLE read_model.projection_progress`);
    await q.query(
      `ALTER TABLE read_model.projection_checkpoints ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`,
    );
    await q.query(`
      CREATE TABLE read_model.directorate_caseload (
        directorate  text    PRIMARY KEY,
        cases_opened integer NOT NULL
      )`);
  }
}
