import {
  EventEnvelope,
  EventHeaders,
  LedgerLink,
  fromKafkaMessage,
  headerValue,
} from '@app/event-store';
import { eventHashSql, ledgerHashSql, storedEventColumns } from '@app/platform';
import { randomUUID } from 'node:crypto';
import { Kafka, KafkaJSError } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { STORED_CONSULTATION_COLUMNS, consultationHashSql } from './consultation-log';
import { readOnlySnapshot } from './read-only-snapshot';

/** What can be wrong, each found by its own check. */
export type BreakKind =
  /** A stored event no longer hashes to its stored hash: its content was changed. */
  | 'event-altered'
  /** A stream's versions are not 1, 2, 3...: an event was removed or renumbered. */
  | 'stream-gap'
  /** A ledger link does not hash from the one before it: the ledger was changed or reordered. */
  | 'ledger-altered'
  /** The ledger's sequence skips: links were removed. */
  | 'ledger-gap'
  /** The ledger names an event the store no longer has: it was deleted. */
  | 'event-missing'
  /** An event neither sealed nor waiting to be: it was written around the store. */
  | 'event-unsealed'
  /** The last event published on a partition is not in the store as published: the tail was cut. */
  | 'published-event-missing'
  /**
   * The ledger no longer holds a link as it was published or written down: the history before
   * it was rewritten, chains and all.
   */
  | 'ledger-rewritten'
  /** A consultation log entry does not hash from the one before it, or its sequence skips. */
  | 'log-altered'
  /** The log ends before the head its writers kept: entries were removed from its end. */
  | 'log-truncated';

export interface IntegrityBreak {
  readonly kind: BreakKind;
  /** Where: the first place this check found, in the order it checks. */
  readonly position?: string;
  readonly streamId?: string;
  readonly version?: number;
  readonly seq?: string;
  readonly partition?: number;
  readonly offset?: string;
}

export interface IntegrityReport {
  readonly intact: boolean;
  /** Each check's first break; empty when intact. */
  readonly breaks: readonly IntegrityBreak[];
  readonly events: number;
  readonly streams: number;
  readonly sealed: number;
  /** Events in the outbox: committed, not yet published (sealed or not). */
  readonly pending: number;
  /** The end of the ledger: a value to write down and compare later. */
  readonly ledgerHead: { readonly seq: string; readonly hash: string } | null;
  readonly consultations: number;
  /** Partitions whose last message was compared with the store; null when not asked. */
  readonly publishedChecked: number | null;
}

export interface VerifyOptions {
  /** Also compare the last message of every partition of the topic with the store. */
  readonly kafka?: { readonly client: Kafka; readonly topic: string };
  /** A ledger head written down at an earlier check, which the ledger must still hold. */
  readonly expectHead?: LedgerLink;
}

/**
 * Checks every chain in one snapshot of the store. The stream chains and the ledger are
 * recomputed from the stored rows; the topic, a copy held by another system, shows whether
 * events were cut from the end, which no check inside the database can.
 */
export async function verifyIntegrity(
  db: DataSource,
  options: VerifyOptions = {},
): Promise<IntegrityReport> {
  const report = await readOnlySnapshot(db, async (tx) => {
    const breaks = [
      await firstStreamBreak(tx),
      await firstLedgerBreak(tx),
      await firstUnsealed(tx),
      await firstLogBreak(tx),
      options.expectHead ? await ledgerHolds(tx, options.expectHead) : null,
    ].filter((b): b is IntegrityBreak => b !== null);
    const [counts]: {
      events: number;
      streams: number;
      sealed: number;
      pending: number;
      consultations: number;
    }[] = await tx.query(`SELECT
        (SELECT count(*)::int FROM event_store.events) AS events,
        (SELECT count(DISTINCT stream_id)::int FROM event_store.events) AS streams,
        (SELECT count(*)::int FROM event_store.ledger) AS sealed,
        (SELECT count(*)::int FROM event_store.outbox) AS pending,
        (SELECT count(*)::int FROM audit.consultation_log) AS consultations`);
    const [head]: { seq: string; hash: string }[] = await tx.query(
      `SELECT seq::text AS seq, encode(hash, 'hex') AS hash
         FROM event_store.ledger ORDER BY seq DESC LIMIT 1`,
    );
    return { breaks, ...counts, ledgerHead: head ?? null };
  });

  let publishedChecked: number | null = null;
  const breaks = [...report.breaks];
  if (options.kafka) {
    const last = await lastMessages(options.kafka.client, options.kafka.topic);
    publishedChecked = last.length;
    const missing = await firstMissingPublished(db, last);
    if (missing) breaks.push(missing);
  }
  return { ...report, breaks, intact: breaks.length === 0, publishedChecked };
}

async function firstStreamBreak(tx: EntityManager): Promise<IntegrityBreak | null> {
  const rows: { position: string; stream_id: string; version: number; gap: boolean }[] =
    await tx.query(`
    SELECT position::text AS position, stream_id, version, gap FROM (
      SELECT e.position, e.stream_id, e.version, e.hash,
             e.version <> coalesce(lag(e.version) OVER w, 0) + 1 AS gap,
             ${eventHashSql('lag(e.hash) OVER w', storedEventColumns('e'))} AS expected
        FROM event_store.events e
      WINDOW w AS (PARTITION BY e.stream_id ORDER BY e.version)
    ) checked
    WHERE gap OR hash IS DISTINCT FROM expected
    ORDER BY position LIMIT 1`);
  if (rows.length === 0) return null;
  const [row] = rows;
  return {
    kind: row.gap ? 'stream-gap' : 'event-altered',
    position: row.position,
    streamId: row.stream_id,
    version: row.version,
  };
}

async function firstLedgerBreak(tx: EntityManager): Promise<IntegrityBreak | null> {
  const rows: { seq: string; position: string; kind: BreakKind }[] = await tx.query(`
    SELECT seq::text AS seq, position::text AS position,
           CASE WHEN event_hash IS NULL THEN 'event-missing'
                WHEN gap THEN 'ledger-gap'
                ELSE 'ledger-altered' END AS kind
      FROM (
        SELECT l.seq, l.position, l.hash, e.hash AS event_hash,
               l.seq <> coalesce(lag(l.seq) OVER w, 0) + 1 AS gap,
               ${ledgerHashSql('lag(l.hash) OVER w', 'l.seq', 'l.position', 'e.hash')} AS expected
          FROM event_store.ledger l LEFT JOIN event_store.events e USING (position)
        WINDOW w AS (ORDER BY l.seq)
      ) checked
     WHERE event_hash IS NULL OR gap OR hash IS DISTINCT FROM expected
     ORDER BY seq LIMIT 1`);
  return rows[0] ?? null;
}

async function firstUnsealed(tx: EntityManager): Promise<IntegrityBreak | null> {
  const rows: { position: string; stream_id: string; version: number }[] = await tx.query(`
    SELECT e.position::text AS position, e.stream_id, e.version
      FROM event_store.events e
     WHERE NOT EXISTS (SELECT 1 FROM event_store.ledger l WHERE l.position = e.position)
       AND NOT EXISTS (SELECT 1 FROM event_store.outbox o WHERE o.position = e.position)
     ORDER BY e.position LIMIT 1`);
  if (rows.length === 0) return null;
  const [row] = rows;
  return {
    kind: 'event-unsealed',
    position: row.position,
    streamId: row.stream_id,
    version: row.version,
  };
}

async function firstLogBreak(tx: EntityManager): Promise<IntegrityBreak | null> {
  const rows: { seq: string }[] = await tx.query(`
    SELECT seq::text AS seq FROM (
      SELECT c.seq, c.hash, c.seq <> coalesce(lag(c.seq) OVER w, 0) + 1 AS gap,
             ${consultationHashSql('lag(c.hash) OVER w', STORED_CONSULTATION_COLUMNS)} AS expected
        FROM audit.consultation_log c
      WINDOW w AS (ORDER BY c.seq)
    ) checked
    WHERE gap OR hash IS DISTINCT FROM expected
    ORDER BY seq LIMIT 1`);
  if (rows.length > 0) return { kind: 'log-altered', seq: rows[0].seq };
  const truncated: { seq: string }[] = await tx.query(`
    SELECT h.seq::text AS seq FROM audit.consultation_log_head h
     WHERE h.seq <> coalesce((SELECT max(seq) FROM audit.consultation_log), 0)
        OR h.hash IS DISTINCT FROM (SELECT hash FROM audit.consultation_log ORDER BY seq DESC LIMIT 1)`);
  return truncated.length > 0 ? { kind: 'log-truncated', seq: truncated[0].seq } : null;
}

interface PublishedMessage {
  readonly partition: number;
  readonly offset: string;
  readonly envelope: EventEnvelope;
  readonly ledger: LedgerLink | null;
}

/** The ledger still holds `link`, at its sequence number. */
async function ledgerHolds(tx: EntityManager, link: LedgerLink): Promise<IntegrityBreak | null> {
  const rows: unknown[] = await tx.query(
    `SELECT 1 FROM event_store.ledger WHERE seq = $1::bigint AND hash = decode($2, 'hex')`,
    [link.seq, link.hash],
  );
  return rows.length > 0 ? null : { kind: 'ledger-rewritten', seq: link.seq };
}

/**
 * Each partition's last message must be in the store as published, and sealed where its
 * headers say: a cut tail loses the event, a rewritten history loses the link.
 */
async function firstMissingPublished(
  db: DataSource,
  published: readonly PublishedMessage[],
): Promise<IntegrityBreak | null> {
  for (const { partition, offset, envelope, ledger } of published) {
    const where = {
      partition,
      offset,
      streamId: envelope.streamId,
      version: envelope.streamVersion,
    };
    const rows: { position: string }[] = await db.query(
      `SELECT position::text AS position FROM event_store.events
        WHERE event_id = $1 AND stream_id = $2 AND version = $3 AND hash = decode($4, 'hex')`,
      [envelope.eventId, envelope.streamId, envelope.streamVersion, envelope.hash],
    );
    if (rows.length === 0) return { kind: 'published-event-missing', ...where };
    if (!ledger) continue;
    const linked: unknown[] = await db.query(
      `SELECT 1 FROM event_store.ledger
        WHERE seq = $1::bigint AND position = $2::bigint AND hash = decode($3, 'hex')`,
      [ledger.seq, rows[0].position, ledger.hash],
    );
    if (linked.length === 0) return { kind: 'ledger-rewritten', seq: ledger.seq, ...where };
  }
  return null;
}

const READ_LAST_TIMEOUT_MS = 30_000;

/** The last message of every non-empty partition, read by a throwaway consumer group. */
async function lastMessages(kafka: Kafka, topic: string): Promise<PublishedMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = (await admin.fetchTopicOffsets(topic)).filter(
      (p) => BigInt(p.high) > BigInt(p.low),
    );
    if (ends.length === 0) return [];
    const wanted = new Map(ends.map((p) => [p.partition, (BigInt(p.high) - 1n).toString()]));
    const groupId = `integrity-check.${randomUUID()}`;
    const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
    const found: PublishedMessage[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: false });
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new KafkaJSError(`Kafka did not serve the last messages of ${topic} in time`)),
          READ_LAST_TIMEOUT_MS,
        );
        const done = () => {
          clearTimeout(timer);
          resolve();
        };
        consumer
          .run({
            autoCommit: false,
            eachMessage: async ({ partition, message }) => {
              if (wanted.get(partition) !== message.offset) return;
              wanted.delete(partition);
              const seq = headerValue(message.headers, EventHeaders.ledgerSeq);
              const hash = headerValue(message.headers, EventHeaders.ledgerHash);
              found.push({
                partition,
                offset: message.offset,
                envelope: fromKafkaMessage(message),
                ledger: seq && hash ? { seq, hash } : null,
              });
              if (wanted.size === 0) done();
            },
          })
          .then(() => {
            for (const [partition, offset] of wanted) consumer.seek({ topic, partition, offset });
          })
          .catch((error: unknown) => {
            clearTimeout(timer);
            reject(error instanceof Error ? error : new Error(String(error)));
          });
      });
    } finally {
      await consumer.disconnect();
      await admin.deleteGroups([groupId]).catch(() => undefined);
    }
    return found.sort((a, b) => a.partition - b.partition);
  } finally {
    await admin.disconnect();
  }
}
