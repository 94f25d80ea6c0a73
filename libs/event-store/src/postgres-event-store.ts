import { eventHashSql, storedEventColumns } from '@app/platform';
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { DatabaseError, PoolClient } from 'pg';
import { DataSource, QueryFailedError } from 'typeorm';
import { EventEnvelope } from './event-envelope';
import {
  AppendRequest,
  AppendResult,
  EventStore,
  Idempotency,
  NewStreamsRequest,
  StoredCommandResult,
  Transaction,
} from './event-store';
import { ConcurrencyConflictError, IdempotencyKeyReusedError } from './event-store.errors';

export interface EventRow {
  position: string;
  event_id: string;
  stream_id: string;
  stream_type: string;
  version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventEnvelope['metadata'];
  occurred_at: Date;
  recorded_at: Date;
  hash: string;
}

export const EVENT_COLUMNS = `position::text AS position, event_id, stream_id, stream_type, version, type,
  schema_version, data, metadata, occurred_at, recorded_at, encode(hash, 'hex') AS hash`;

export function toEnvelope(row: EventRow): EventEnvelope {
  return {
    type: row.type,
    schemaVersion: row.schema_version,
    eventId: row.event_id,
    streamId: row.stream_id,
    streamType: row.stream_type,
    streamVersion: row.version,
    position: row.position,
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    data: row.data,
    metadata: row.metadata,
    hash: row.hash,
  };
}

/*
 * One statement, so one round trip and one implicit transaction: the events, their
 * outbox rows and the command result commit together or not at all.
 * - The unique (stream_id, version) constraint decides between concurrent writers.
 * - The EXISTS guard refuses an expected version that is not committed yet: without it, a
 *   writer could append version n+1 while version n is still in flight and then aborts.
 * - `chained` links each new event to the stream's hash chain (see hash-chain.ts), starting
 *   from the expected version's hash; recorded_at is set here so that the hash covers it, from
 *   the clock rather than the transaction's start (which, for a command that registered persons
 *   first, may be well before the append). `input` is materialized: read twice, it must not
 *   read the clock twice.
 * - The command result is inserted only if events were, so a refused append leaves no trace;
 *   a duplicate key aborts the whole statement with command_results_pkey.
 */
const APPEND_SQL = `
WITH RECURSIVE input AS MATERIALIZED (
  SELECT e.event_id, $1::uuid AS stream_id, $2::text AS stream_type, $3::int + e.ord::int AS version,
         e.type, e.schema_version, e.data, $4::jsonb AS metadata, e.occurred_at,
         clock_timestamp() AS recorded_at, e.ord
  FROM unnest($5::uuid[], $6::text[], $7::int[], $8::jsonb[], $9::timestamptz[])
       WITH ORDINALITY AS e(event_id, type, schema_version, data, occurred_at, ord)
), chained (ord, hash) AS (
  SELECT 0::bigint, (SELECT hash FROM event_store.events WHERE stream_id = $1::uuid AND version = $3::int)
  UNION ALL
  SELECT i.ord, ${eventHashSql('c.hash', storedEventColumns('i'))}
  FROM chained c JOIN input i ON i.ord = c.ord + 1
), appended AS (
  INSERT INTO event_store.events
    (event_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at,
     recorded_at, hash)
  SELECT i.event_id, i.stream_id, i.stream_type, i.version, i.type, i.schema_version, i.data,
         i.metadata, i.occurred_at, i.recorded_at, c.hash
  FROM input i JOIN chained c USING (ord)
  WHERE $3::int = 0
     OR EXISTS (SELECT 1 FROM event_store.events WHERE stream_id = $1::uuid AND version = $3::int)
  ORDER BY i.ord
  RETURNING position, version
), published AS (
  INSERT INTO event_store.outbox (position) SELECT position FROM appended
), remembered AS (
  INSERT INTO event_store.command_results (actor_id, idempotency_key, request_hash, result)
  SELECT $10, $11, $12,
         jsonb_build_object('streamId', $1::text, 'version', max(version), 'position', max(position)::text,
                            'answer', $13::jsonb)
  FROM appended
  WHERE $11::text IS NOT NULL
  HAVING count(*) > 0
)
SELECT max(version) AS version, max(position)::text AS position, count(*)::int AS appended FROM appended`;

/*
 * New streams, each from version 1, in one statement (a group of people apprehended together:
 * a procedure each). As APPEND_SQL, with one hash chain per stream, each starting afresh; a
 * stream id that exists fails the whole statement on events_stream_version_unique.
 */
const APPEND_NEW_STREAMS_SQL = `
WITH RECURSIVE input AS MATERIALIZED (
  SELECT e.event_id, e.stream_id, $1::text AS stream_type, e.version, e.type, e.schema_version,
         e.data, $2::jsonb AS metadata, e.occurred_at, clock_timestamp() AS recorded_at, e.ord
  FROM unnest($3::uuid[], $4::uuid[], $5::int[], $6::text[], $7::int[], $8::jsonb[], $9::timestamptz[])
       WITH ORDINALITY AS e(event_id, stream_id, version, type, schema_version, data, occurred_at, ord)
), chained (stream_id, version, hash) AS (
  SELECT DISTINCT stream_id, 0, NULL::bytea FROM input
  UNION ALL
  SELECT i.stream_id, i.version, ${eventHashSql('c.hash', storedEventColumns('i'))}
  FROM chained c JOIN input i ON i.stream_id = c.stream_id AND i.version = c.version + 1
), appended AS (
  INSERT INTO event_store.events
    (event_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at,
     recorded_at, hash)
  SELECT i.event_id, i.stream_id, i.stream_type, i.version, i.type, i.schema_version, i.data,
         i.metadata, i.occurred_at, i.recorded_at, c.hash
  FROM input i JOIN chained c USING (stream_id, version)
  ORDER BY i.ord
  RETURNING position, stream_id, version
), published AS (
  INSERT INTO event_store.outbox (position) SELECT position FROM appended
), last AS (
  SELECT stream_id, version, position FROM appended ORDER BY position DESC LIMIT 1
), remembered AS (
  INSERT INTO event_store.command_results (actor_id, idempotency_key, request_hash, result)
  SELECT $10, $11, $12,
         jsonb_build_object('streamId', stream_id::text, 'version', version,
                            'position', position::text, 'answer', $13::jsonb)
  FROM last
  WHERE $11::text IS NOT NULL
)
SELECT stream_id::text AS stream_id, version, position::text AS position FROM last`;

interface AppendedRow {
  version: number | null;
  position: string | null;
  appended: number;
}

@Injectable()
export class PostgresEventStore extends EventStore {
  constructor(private readonly db: DataSource) {
    super();
  }

  async readStream(streamId: string, tx?: Transaction, afterVersion = 0): Promise<EventEnvelope[]> {
    const rows: EventRow[] = await (tx ?? this.db).query(
      `SELECT ${EVENT_COLUMNS} FROM event_store.events
        WHERE stream_id = $1 AND version > $2 ORDER BY version`,
      [streamId, afterVersion],
    );
    return rows.map(toEnvelope);
  }

  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  async lockIdempotencyKey(actorId: string, key: string, tx: Transaction): Promise<void> {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [
      `idempotency:${actorId}:${key}`,
    ]);
  }

  async append(request: AppendRequest, tx?: Transaction): Promise<AppendResult> {
    const { streamId, expectedVersion, events, idempotency } = request;
    let rows: AppendedRow[];
    try {
      rows = await this.namedStatement<AppendedRow>(tx, 'event_store_append', APPEND_SQL, [
        streamId,
        request.streamType,
        expectedVersion,
        JSON.stringify(request.metadata),
        events.map(() => randomUUID()),
        events.map((e) => e.type),
        events.map((e) => e.schemaVersion),
        events.map((e) => JSON.stringify(e.data)),
        events.map((e) => e.occurredAt.toISOString()),
        request.metadata.actorId,
        idempotency?.key ?? null,
        idempotency?.requestHash ?? null,
        request.answer ? JSON.stringify(request.answer) : null,
      ]);
    } catch (error) {
      // Reads after a failed statement go to the pool: the caller's transaction is aborted.
      const constraint = uniqueViolation(error);
      if (constraint === 'events_stream_version_unique' && idempotency) {
        // The writer that came first may have been this very command, retried.
        const replayed = await this.replayIfStored(request.metadata.actorId, idempotency);
        if (replayed) return replayed;
      }
      if (constraint === 'events_stream_version_unique') {
        throw await this.conflict(streamId, expectedVersion);
      }
      if (constraint === 'command_results_pkey' && idempotency) {
        const replayed = await this.replayIfStored(request.metadata.actorId, idempotency);
        if (replayed) return replayed;
      }
      throw error;
    }
    const [row] = rows;
    if (row.appended === 0 || row.version === null || row.position === null) {
      throw await this.conflict(streamId, expectedVersion);
    }
    return { streamId, version: row.version, position: row.position, answer: request.answer };
  }

  async appendNewStreams(request: NewStreamsRequest, tx?: Transaction): Promise<AppendResult> {
    const { idempotency } = request;
    const events = request.streams.flatMap((stream) =>
      stream.events.map((event, i) => ({ streamId: stream.streamId, version: i + 1, event })),
    );
    let rows: { stream_id: string; version: number; position: string }[];
    try {
      rows = await this.namedStatement(
        tx,
        'event_store_append_new_streams',
        APPEND_NEW_STREAMS_SQL,
        [
          request.streamType,
          JSON.stringify(request.metadata),
          events.map(() => randomUUID()),
          events.map((e) => e.streamId),
          events.map((e) => e.version),
          events.map((e) => e.event.type),
          events.map((e) => e.event.schemaVersion),
          events.map((e) => JSON.stringify(e.event.data)),
          events.map((e) => e.event.occurredAt.toISOString()),
          request.metadata.actorId,
          idempotency?.key ?? null,
          idempotency?.requestHash ?? null,
          request.answer ? JSON.stringify(request.answer) : null,
        ],
      );
    } catch (error) {
      const constraint = uniqueViolation(error);
      if (constraint === 'command_results_pkey' && idempotency) {
        const replayed = await this.replayIfStored(request.metadata.actorId, idempotency);
        if (replayed) return replayed;
      }
      if (constraint === 'events_stream_version_unique') {
        const taken = (error as QueryFailedError).driverError as { detail?: string };
        const streamId = /stream_id, version\)=\(([0-9a-f-]+)/.exec(taken.detail ?? '')?.[1];
        throw await this.conflict(streamId ?? request.streams[0].streamId, 0);
      }
      throw error;
    }
    const [last] = rows;
    return {
      streamId: last.stream_id,
      version: last.version,
      position: last.position,
      answer: request.answer,
    };
  }

  /**
   * Sends an append as a named statement, which Postgres prepares once per connection: sent
   * unnamed, APPEND_SQL would be planned on every call, a large share of an append (B1 in
   * bench/results.md). TypeORM cannot name a statement, so this goes to its pg connection, and wraps errors as
   * TypeORM would so that callers see one kind.
   */
  private async namedStatement<Row extends object>(
    tx: Transaction | undefined,
    name: string,
    text: string,
    values: unknown[],
  ): Promise<Row[]> {
    const runner = tx?.queryRunner ?? this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const result = await client.query<Row>({ name, text, values });
      return result.rows;
    } catch (error) {
      throw error instanceof DatabaseError ? new QueryFailedError(text, values, error) : error;
    } finally {
      if (!tx) await runner.release();
    }
  }

  async findCommandResult(
    actorId: string,
    key: string,
    tx?: Transaction,
  ): Promise<StoredCommandResult | null> {
    const rows: { request_hash: string; result: AppendResult & { answer: unknown } }[] = await (
      tx ?? this.db
    ).query(
      `SELECT request_hash, result FROM event_store.command_results
          WHERE actor_id = $1 AND idempotency_key = $2`,
      [actorId, key],
    );
    if (rows.length === 0) return null;
    const { answer, ...result } = rows[0].result;
    return {
      requestHash: rows[0].request_hash,
      result: answer ? { ...result, answer: answer } : result,
    };
  }

  private async replayIfStored(
    actorId: string,
    idempotency: Idempotency,
  ): Promise<AppendResult | null> {
    const stored = await this.findCommandResult(actorId, idempotency.key);
    if (!stored) return null;
    if (stored.requestHash !== idempotency.requestHash) {
      throw new IdempotencyKeyReusedError(idempotency.key);
    }
    return stored.result;
  }

  private async conflict(streamId: string, expected: number): Promise<ConcurrencyConflictError> {
    const [{ version }]: { version: number }[] = await this.db.query(
      `SELECT coalesce(max(version), 0)::int AS version FROM event_store.events WHERE stream_id = $1`,
      [streamId],
    );
    return new ConcurrencyConflictError(streamId, expected, version);
  }
}

function uniqueViolation(error: unknown): string | undefined {
  if (!(error instanceof QueryFailedError)) return undefined;
  const driverError = error.driverError as { code?: string; constraint?: string };
  return driverError.code === '23505' ? driverError.constraint : undefined;
}
