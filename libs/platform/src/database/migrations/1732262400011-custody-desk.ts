import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The custody desk: one row per person held in a case with what the desk acts on (the case's
 * reference, where the person is held, the court, the responsible officer, remand months, the
 * safeguards owed), and the reminders sent.
 *
 * The custody-board projection is emptied, so that it starts again from the topic's first event
 * and fills `custody_held` for every case (its kept facts now keep their actor too).
 *
 * Reminders live in a schema of their own, outside the read models a rebuild replaces: a reminder
 * is sent once, whatever is rebuilt. `seq` orders them as sent (one sender at a time holds a lock
 * while inserting, so a later `seq` is never committed before an earlier one) and is the stream's
 * Last-Event-ID; `key` names the reminder by what it is about, so it is sent at most once.
 */
export class CustodyDesk1732262400011 implements MigrationInterface {
  name = 'CustodyDesk1732262400011';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE read_model.custody_held (
        case_id               uuid        NOT NULL,
        person_id             uuid        NOT NULL,
        directorate           text        NOT NULL,
        case_reference        text        NOT NULL,
        case_summary          text        NOT NULL,
        role                  text        NOT NULL,
        nationality           text,
        minor                 boolean     NOT NULL,
        phase                 text        NOT NULL,
        held_since            timestamptz NOT NULL,
        detention_place       text,
        court                 text,
        responsible_officer   text,
        remand_months_used    integer,
        remand_ceiling_months integer,
        remand_panel_extended boolean,
        safeguards            jsonb       NOT NULL,
        PRIMARY KEY (case_id, person_id)
      )`);
    await q.query(
      `CREATE INDEX custody_held_directorate_idx ON read_model.custody_held (directorate)`,
    );
    await q.query(`ALTER TABLE read_model.case_facts ADD COLUMN actor_id text`);
    await q.query(`DELETE FROM read_model.custody_clocks`);
    await q.query(`DELETE FROM read_model.custody_breaches`);
    for (const table of ['case_facts', 'projection_checkpoints', 'projection_progress']) {
      await q.query(`DELETE FROM read_model.${table} WHERE projection = 'custody-board'`);
    }
    await q.query(`CREATE SCHEMA custody_desk`);
    await q.query(`
      CREATE TABLE custody_desk.reminders (
        seq         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key         text        NOT NULL UNIQUE,
        kind        text        NOT NULL,
        directorate text        NOT NULL,
        due_at      timestamptz NOT NULL,
        sent_at     timestamptz NOT NULL,
        body        jsonb       NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA custody_desk CASCADE`);
    await q.query(`ALTER TABLE read_model.case_facts DROP COLUMN actor_id`);
    await q.query(`DROP TABLE read_model.custody_held`);
  }
}
