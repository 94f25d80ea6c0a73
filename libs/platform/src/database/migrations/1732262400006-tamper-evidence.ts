import { eventHashSql, sealSql, storedEventColumns } from '../hash-chain';
import { MigrationInterface, QueryRunner } from 'typeorm';

const APPEND_ONLY_TABLES = ['event_store.events', 'event_store.ledger', 'audit.consultation_log'];

/**
 * Tamper evidence (see ../hash-chain.ts) and the consultation log.
 * - `events.hash` chains each stream; existing rows are chained here, version by version.
 * - `ledger` chains the whole store in the order the relay sealed it; existing published
 *   events are sealed here in position order, the outbox's are left to the relay.
 * - `audit.consultation_log` records who read or disclosed which records and why, and every
 *   erasure (Law Enforcement Directive, Art. 25). Each entry's hash chains the previous one;
 *   `consultation_log_head` is the chain's end, updated by each entry's own statement, so
 *   that concurrent readers queue on one row instead of forking the chain.
 * - A trigger refuses UPDATE, DELETE and TRUNCATE on all three: mistakes are stopped here,
 *   and whatever gets past it (a superuser disabling the trigger) breaks a chain.
 */
export class TamperEvidence1732262400006 implements MigrationInterface {
  name = 'TamperEvidence1732262400006';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE event_store.events ADD COLUMN hash bytea`);
    const [{ longest }] = (await q.query(
      `SELECT coalesce(max(version), 0)::int AS longest FROM event_store.events`,
    )) as { longest: number }[];
    for (let version = 1; version <= longest; version++) {
      await q.query(
        `UPDATE event_store.events e
            SET hash = ${eventHashSql(
              `(SELECT p.hash FROM event_store.events p
                 WHERE p.stream_id = e.stream_id AND p.version = e.version - 1)`,
              storedEventColumns('e'),
            )}
          WHERE e.version = $1`,
        [version],
      );
    }
    await q.query(`ALTER TABLE event_store.events ALTER COLUMN hash SET NOT NULL`);

    await q.query(`
      CREATE TABLE event_store.ledger (
        seq       bigint      PRIMARY KEY CHECK (seq > 0),
        position  bigint      NOT NULL UNIQUE,
        hash      bytea       NOT NULL,
        sealed_at timestamptz NOT NULL DEFAULT now()
      )`);
    const published = `SELECT e.position, e.hash FROM event_store.events e
      WHERE NOT EXISTS (SELECT 1 FROM event_store.outbox o WHERE o.position = e.position)
        AND NOT EXISTS (SELECT 1 FROM event_store.ledger l WHERE l.position = e.position)`;
    const sealBatch = async () =>
      ((await q.query(sealSql(published), [1000])) as { sealed: number }[])[0].sealed;
    while ((await sealBatch()) > 0);

    await q.query(`CREATE SCHEMA IF NOT EXISTS audit`);
    await q.query(`
      CREATE TABLE audit.consultation_log (
        seq            bigint      PRIMARY KEY CHECK (seq > 0),
        recorded_at    timestamptz NOT NULL,
        actor_id       text        NOT NULL,
        role           text        NOT NULL,
        directorate    text,
        action         text        NOT NULL CHECK (action IN ('consultation', 'disclosure', 'erasure')),
        purpose        text        NOT NULL,
        records        jsonb       NOT NULL,
        justification  text,
        recipient      text,
        correlation_id text        NOT NULL,
        hash           bytea       NOT NULL
      )`);
    await q.query(`CREATE INDEX consultation_log_records_idx
      ON audit.consultation_log USING gin (records jsonb_path_ops)`);
    await q.query(
      `CREATE INDEX consultation_log_actor_idx ON audit.consultation_log (actor_id, seq)`,
    );
    await q.query(`
      CREATE TABLE audit.consultation_log_head (
        only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
        seq      bigint  NOT NULL,
        hash     bytea
      )`);
    await q.query(`INSERT INTO audit.consultation_log_head (seq, hash) VALUES (0, NULL)`);

    await q.query(`
      CREATE FUNCTION audit.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME
          USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of APPEND_ONLY_TABLES) {
      const name = table.replace('.', '_');
      await q.query(`CREATE TRIGGER ${name}_append_only BEFORE UPDATE OR DELETE ON ${table}
        FOR EACH ROW EXECUTE FUNCTION audit.refuse_change()`);
      await q.query(`CREATE TRIGGER ${name}_no_truncate BEFORE TRUNCATE ON ${table}
        FOR EACH STATEMENT EXECUTE FUNCTION audit.refuse_change()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of APPEND_ONLY_TABLES) {
      const name = table.replace('.', '_');
      await q.query(`DROP TRIGGER IF EXISTS ${name}_append_only ON ${table}`);
      await q.query(`DROP TRIGGER IF EXISTS ${name}_no_truncate ON ${table}`);
    }
    await q.query(`DROP SCHEMA audit CASCADE`);
    await q.query(`DROP TABLE event_store.ledger`);
    await q.query(`ALTER TABLE event_store.events DROP COLUMN hash`);
  }
}
