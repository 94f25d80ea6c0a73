import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The write side's source of truth.
 * - `(stream_id, version)` is unique: the constraint, not a prior SELECT, decides concurrent appends.
 * - `outbox` holds the positions not yet acknowledged by Kafka. The relay works from this set
 *   rather than from "position > last seen", because identity values become visible out of
 *   commit order and a high-water mark would skip a late commit.
 * - `command_results` makes a command with an Idempotency-Key answer the same way twice.
 */
export class EventStore1732262400000 implements MigrationInterface {
  name = 'EventStore1732262400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA IF NOT EXISTS event_store`);
    await q.query(`
      CREATE TABLE event_store.events (
        position       bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id       uuid        NOT NULL UNIQUE,
        stream_id      uuid        NOT NULL,
        stream_type    text        NOT NULL,
        version        integer     NOT NULL CHECK (version > 0),
        type           text        NOT NULL,
        schema_version integer     NOT NULL CHECK (schema_version > 0),
        data           jsonb       NOT NULL,
        metadata       jsonb       NOT NULL,
        occurred_at    timestamptz NOT NULL,
        recorded_at    timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_version_unique UNIQUE (stream_id, version)
      )`);
    await q.query(`
      CREATE TABLE event_store.outbox (
        position bigint PRIMARY KEY REFERENCES event_store.events (position)
      )`);
    await q.query(`
      CREATE TABLE event_store.command_results (
        actor_id        text        NOT NULL,
        idempotency_key text        NOT NULL,
        request_hash    text        NOT NULL,
        result          jsonb       NOT NULL,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT command_results_pkey PRIMARY KEY (actor_id, idempotency_key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SCHEMA event_store CASCADE`);
  }
}
