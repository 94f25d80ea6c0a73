/**
 * The SQL of the two hash chains that make the stored history tamper-evident.
 *
 * - Each event row holds `hash = sha256(hash of the stream's previous version || content)`,
 *   computed by the append statement itself. Content is the row's own columns rendered by
 *   Postgres (jsonb's text form is canonical; instants as integer microseconds, so no session
 *   setting changes the bytes), which lets verification recompute it from the stored row alone.
 * - The ledger chains every event of the store in the order it was sealed:
 *   `hash = sha256(previous ledger hash || seq || position || event hash)`. The relay seals
 *   committed events before publishing them. The stream chains catch an altered or missing
 *   version; the ledger catches a removed stream and rows written around the store.
 *
 * Both are plain SQL so that the append, the seal and the verification share one definition.
 */

/** SQL expressions for the hashed columns of one event row. */
export interface EventHashColumns {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamType: string;
  readonly version: string;
  readonly type: string;
  readonly schemaVersion: string;
  readonly data: string;
  readonly metadata: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

/** The columns of a stored row under `alias`. */
export function storedEventColumns(alias: string): EventHashColumns {
  return {
    eventId: `${alias}.event_id`,
    streamId: `${alias}.stream_id`,
    streamType: `${alias}.stream_type`,
    version: `${alias}.version`,
    type: `${alias}.type`,
    schemaVersion: `${alias}.schema_version`,
    data: `${alias}.data`,
    metadata: `${alias}.metadata`,
    occurredAt: `${alias}.occurred_at`,
    recordedAt: `${alias}.recorded_at`,
  };
}

/** An instant as integer microseconds: the same bytes whatever the session's settings. */
export const instantMicros = (instant: string) =>
  `(extract(epoch FROM ${instant}::timestamptz) * 1000000)::bigint`;

/**
 * `sha256(previous || the parts as the text of a JSON array)`; a NULL `previous` starts a
 * chain. jsonb's text form is canonical, and an array keeps the parts from running together.
 */
export function chainHashSql(previous: string, parts: readonly string[]): string {
  return `sha256(coalesce(${previous}, ''::bytea)
    || convert_to(jsonb_build_array(${parts.join(', ')})::text, 'UTF8'))`;
}

/** `sha256(previous || content)`; `previous` is NULL for a stream's first event. */
export function eventHashSql(previous: string, c: EventHashColumns): string {
  return chainHashSql(previous, [
    `${c.eventId}::text`,
    `${c.streamId}::text`,
    `${c.streamType}::text`,
    `${c.version}::int`,
    `${c.type}::text`,
    `${c.schemaVersion}::int`,
    `${c.data}::jsonb`,
    `${c.metadata}::jsonb`,
    instantMicros(c.occurredAt),
    instantMicros(c.recordedAt),
  ]);
}

/** The ledger link for one sealed event. */
export function ledgerHashSql(previous: string, seq: string, position: string, eventHash: string) {
  return `sha256(coalesce(${previous}, ''::bytea) || int8send(${seq}::bigint)
    || int8send(${position}::bigint) || ${eventHash})`;
}

/**
 * Seals up to $1 events, taken in position order from `source` (a query of `position, hash`
 * over committed, unsealed events), onto the end of the ledger in one statement. The unique
 * `seq` makes two sealers racing for the same link fail instead of forking the chain.
 * `pending` is materialized: inlined into the recursive step, Postgres would run its anti-join
 * over outbox and ledger again for every link, and a backlog would seal ever more slowly.
 * Answers how many it sealed.
 */
export function sealSql(source: string): string {
  return `
WITH RECURSIVE pending AS MATERIALIZED (
  SELECT coalesce(array_agg(position ORDER BY position), '{}') AS positions,
         coalesce(array_agg(hash ORDER BY position), '{}') AS hashes
    FROM (${source} ORDER BY position LIMIT $1) unsealed
), head AS (
  SELECT seq, hash FROM event_store.ledger ORDER BY seq DESC LIMIT 1
), chain (i, seq, position, hash) AS (
  SELECT 0, coalesce((SELECT seq FROM head), 0), NULL::bigint, (SELECT hash FROM head)
  UNION ALL
  SELECT c.i + 1, c.seq + 1, p.positions[c.i + 1],
         ${ledgerHashSql('c.hash', 'c.seq + 1', 'p.positions[c.i + 1]', 'p.hashes[c.i + 1]')}
    FROM chain c, pending p
   WHERE c.i < cardinality(p.positions)
), sealed AS (
  INSERT INTO event_store.ledger (seq, position, hash)
  SELECT seq, position, hash FROM chain WHERE i > 0
  RETURNING 1
)
SELECT count(*)::int AS sealed FROM sealed`;
}

/**
 * Committed events waiting in the outbox that the ledger does not hold yet. The lower bound on
 * the ledger changes no answer (a link of an outbox event is at its position), but without it the
 * planner may hash the whole ledger for every batch, a cost that grows with every event ever
 * published.
 */
export const UNSEALED_OUTBOX = `
  SELECT o.position, e.hash
    FROM event_store.outbox o JOIN event_store.events e USING (position)
   WHERE NOT EXISTS (SELECT 1 FROM event_store.ledger l
                      WHERE l.position = o.position
                        AND l.position >= (SELECT min(position) FROM event_store.outbox))`;
