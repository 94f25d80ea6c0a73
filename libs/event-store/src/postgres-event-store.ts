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

  async readStream(streamId: string, tx?: Transaction): Promise<EventEnvelope[]> {
    const rows: EventRow[] = await (tx ?? this.db).query(
      `SELECT ${EVENT_COLUMNS} FROM event_store.events WHERE stream_id = $1 ORDER BY version`,
      [streamId],
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
      rows = await this.appendStatement(tx, [
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

  /**
   * Sends APPEND_SQL as a named statement, which Postgres prepares once per connection: sent
   * unnamed, it was planned on every call, 0.45 ms of a 1.2 ms append (bench/results.md, B1).
   * TypeORM cannot name a statement, so this goes to its pg connection, and wraps errors as
   * TypeORM would so that callers see one kind.
   */
  private async appendStatement(
    tx: Transaction | undefined,
    values: unknown[],
  ): Promise<AppendedRow[]> {
    const runner = tx?.queryRunner ?? this.db.createQueryRunner();
    try {
      const client = (await runner.connect()) as PoolClient;
      const result = await client.query<AppendedRow>({
        name: 'event_store_append',
        text: APPEND_SQL,
        values,
      });
      return result.rows;
    } catch (error) {
      throw error instanceof DatabaseError
        ? new QueryFailedError(APPEND_SQL, values, error)
        : error;
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
