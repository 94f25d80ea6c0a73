import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wakes the relay when events are committed: every statement that adds outbox rows notifies
 * `event_store_outbox`, which Postgres delivers to listeners at commit (and once per transaction,
 * however many statements). An idle relay then sleeps instead of polling the outbox; its poll is
 * only the fallback for a notification lost with a dropped connection.
 */
export class OutboxWake1732262400012 implements MigrationInterface {
  name = 'OutboxWake1732262400012';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION event_store.wake_relay() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('event_store_outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(`
      CREATE TRIGGER outbox_wakes_relay AFTER INSERT ON event_store.outbox
        FOR EACH STATEMENT EXECUTE FUNCTION event_store.wake_relay()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER outbox_wakes_relay ON event_store.outbox`);
    await q.query(`DROP FUNCTION event_store.wake_relay()`);
  }
}
