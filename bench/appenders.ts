import { isExpectedVersionConflictError } from '@event-driven-io/emmett';
import {
  getPostgreSQLEventStore,
  PostgresEventStore as EmmettStore,
} from '@event-driven-io/emmett-postgresql';
import { ConcurrencyConflictError, EventMetadata, PostgresEventStore } from '@app/event-store';
import { createHash, randomUUID } from 'node:crypto';
import { DatabaseError, Pool } from 'pg';
import { DataSource } from 'typeorm';

/** What a writer learns from one append of one event: it landed, or the stream's version. */
export type AppendOutcome =
  { readonly ok: true } | { readonly ok: false; readonly current: number };

/** One way of appending one event to a stream at an expected version. */
export interface Appender {
  readonly name: string;
  /** A stream id in the form the store wants. */
  newStream(): string;
  append(stream: string, expected: number): Promise<AppendOutcome>;
  close(): Promise<void>;
}

/** An amendment as the API writes it: what every contender appends, so that the rows match. */
const EVENT = {
  type: 'case.details-amended',
  schemaVersion: 1,
  data: { summary: 'Van with 12 migrants stopped near Obrežje; driver arrested.' },
};

export function metadata(): EventMetadata {
  return {
    actorId: 'bench-investigator',
    role: 'investigator',
    directorate: 'novo-mesto',
    correlationId: randomUUID(),
    causationId: randomUUID(),
    commandId: randomUUID(),
    idempotencyKey: null,
  };
}

/** The project's store: one statement that appends, chains the hash and writes the outbox row. */
export function projectAppender(db: DataSource): Appender {
  const store = new PostgresEventStore(db);
  return {
    name: 'project',
    newStream: () => randomUUID(),
    async append(stream, expected) {
      try {
        await store.append({
          streamId: stream,
          streamType: 'case',
          expectedVersion: expected,
          events: [{ ...EVENT, occurredAt: new Date() }],
          metadata: metadata(),
        });
        return { ok: true };
      } catch (error) {
        if (error instanceof ConcurrencyConflictError) {
          return { ok: false, current: error.currentVersion };
        }
        throw error;
      }
    },
    close: () => db.destroy(),
  };
}

/**
 * The floor Postgres itself sets for the same rows: the event and its outbox row in one
 * autocommitted statement (one round trip), the unique (stream, version) as the only check,
 * and a hash computed in the client instead of chained in SQL.
 */
export function rawAppender(pool: Pool): Appender {
  const insert = `
    WITH appended AS (
      INSERT INTO event_store.events (event_id, stream_id, stream_type, version, type,
             schema_version, data, metadata, occurred_at, recorded_at, hash)
      VALUES ($1, $2, 'case', $3, $4, $5, $6, $7, $8, clock_timestamp(), $9)
      RETURNING position)
    INSERT INTO event_store.outbox (position) SELECT position FROM appended`;
  return {
    name: 'raw pg',
    newStream: () => randomUUID(),
    async append(stream, expected) {
      const data = JSON.stringify(EVENT.data);
      const meta = JSON.stringify(metadata());
      try {
        await pool.query(insert, [
          randomUUID(),
          stream,
          expected + 1,
          EVENT.type,
          EVENT.schemaVersion,
          data,
          meta,
          new Date(),
          createHash('sha256').update(data).update(meta).digest(),
        ]);
        return { ok: true };
      } catch (error) {
        if (error instanceof DatabaseError && error.code === '23505') {
          const { rows } = await pool.query<{ version: number }>(
            `SELECT coalesce(max(version), 0)::int AS version FROM event_store.events
              WHERE stream_id = $1`,
            [stream],
          );
          return { ok: false, current: rows[0].version };
        }
        throw error;
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Emmett's PostgreSQL event store on a pool like the others'. Its conflict does not carry the
 * current version (it reports -1), so a writer reads it from Emmett's streams table, as the
 * project's store does in its own conflict answer.
 */
export async function emmettAppender(pool: Pool): Promise<Appender> {
  const store: EmmettStore = getPostgreSQLEventStore(pool.options.connectionString!, {
    connectionOptions: { pooled: true, pool },
  });
  // Creates Emmett's schema, outside of any measurement.
  await store.appendToStream(`case-${randomUUID()}`, [{ ...EVENT, metadata: metadata() }]);
  return {
    name: 'Emmett',
    newStream: () => `case-${randomUUID()}`,
    async append(stream, expected) {
      try {
        await store.appendToStream(stream, [{ ...EVENT, metadata: metadata() }], {
          expectedStreamVersion: BigInt(expected),
        });
        return { ok: true };
      } catch (error) {
        if (isExpectedVersionConflictError(error)) {
          const { rows } = await pool.query<{ version: number }>(
            `SELECT coalesce(max(stream_position), 0)::int AS version FROM emt_streams
              WHERE stream_id = $1`,
            [stream],
          );
          return { ok: false, current: rows[0].version };
        }
        throw error;
      }
    },
    async close() {
      await store.close();
      await pool.end().catch(() => undefined);
    },
  };
}
