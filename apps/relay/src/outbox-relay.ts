import { EVENT_COLUMNS, EventRow, toEnvelope, toKafkaMessage } from '@app/event-store';
import { AppConfig, UNSEALED_OUTBOX, isDependencyUnavailable, sealSql } from '@app/platform';
import { Logger } from '@nestjs/common';
import { Kafka, Message, Partitioners, Producer } from 'kafkajs';
import { Client } from 'pg';

/** Only the relay holding this Postgres advisory lock publishes; others stand by. */
export const RELAY_LOCK_ID = 7_308_002;

const STANDBY_RETRY_MS = 1000;
const FAILURE_BACKOFF_MS = 1000;

const SEAL_SQL = sealSql(UNSEALED_OUTBOX);

/** Notified at the commit of every transaction that adds to the outbox (migration OutboxWake). */
export const OUTBOX_CHANNEL = 'event_store_outbox';

/**
 * The first $1 outbox events that are not in flight ($2), in position order, with their ledger
 * links: only sealed events are published, so whatever the topic holds, the ledger holds too. An
 * event committed since the seal just before has no link yet and waits for the next round.
 *
 * The outbox rows are taken first and each link is looked up by position (OFFSET 0 keeps the
 * lookup from being flattened into a join), so a batch costs the same however long the ledger:
 * joined whole, the planner merges the events with the ledger from their first rows, which costs
 * more with every event ever published.
 */
export const NEXT_BATCH_SQL = `
  SELECT ${EVENT_COLUMNS}, l.ledger_seq, l.ledger_hash
    FROM (SELECT position FROM event_store.outbox
           WHERE position <> ALL($2::bigint[])
           ORDER BY position
           LIMIT $1) o
    JOIN event_store.events e USING (position)
    JOIN LATERAL (SELECT seq::text AS ledger_seq, encode(hash, 'hex') AS ledger_hash
                    FROM event_store.ledger WHERE position = o.position OFFSET 0) l ON true
   ORDER BY o.position`;

/** A batch ready to send: its messages, and the outbox positions to delete once acknowledged. */
export interface SealedBatch {
  readonly positions: string[];
  readonly messages: Message[];
}

/**
 * Seals up to `batchSize` more events, then reads the next batch, leaving out the positions of
 * the batch in flight. Sealing commits on its own: a crash before the send leaves sealed events
 * in the outbox, which the next round publishes without sealing them twice.
 */
async function nextSealedBatch(
  client: Client,
  batchSize: number,
  inFlight: readonly string[],
): Promise<SealedBatch> {
  await client.query(SEAL_SQL, [batchSize]);
  const { rows } = await client.query<EventRow & { ledger_seq: string; ledger_hash: string }>(
    NEXT_BATCH_SQL,
    [batchSize, inFlight],
  );
  return {
    positions: rows.map((row) => row.position),
    messages: rows.map((row) =>
      toKafkaMessage(toEnvelope(row), { seq: row.ledger_seq, hash: row.ledger_hash }),
    ),
  };
}

/**
 * The wait between the relay's rounds: over after the given time, or as soon as `wake` is
 * called. A wake that comes while no one waits (a commit during a round) is kept, and the next
 * wait is over at once: an event committed during a round is never left for the poll.
 */
export class Wakeup {
  private pending = false;
  private wakeNow?: () => void;

  wake(): void {
    this.pending = true;
    this.wakeNow?.();
  }

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeNow = undefined;
        this.pending = false;
        resolve();
      };
      const timer = setTimeout(done, this.pending ? 0 : ms);
      this.wakeNow = done;
    });
  }
}

/** Wakes `wakeup` at every commit that adds to the outbox, from now on. */
export async function listenForOutbox(client: Client, wakeup: Wakeup): Promise<void> {
  client.on('notification', () => wakeup.wake());
  await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
}

/**
 * The relay's loop (see OutboxRelay) on its connection, while `running()`; `send` resolves once
 * Kafka acknowledged the batch; `idle` resolves when there may be more to publish (a
 * notification, or the poll interval gone by). The bench runs the same loop on another Kafka
 * client.
 */
export async function publishOutbox(
  client: Client,
  send: (batch: SealedBatch) => Promise<unknown>,
  { batchSize, pollIntervalMs }: AppConfig['relay'],
  running: () => boolean,
  idle: (ms: number) => Promise<void>,
): Promise<void> {
  let readAhead: SealedBatch | undefined;
  while (running()) {
    const batch = readAhead ?? (await nextSealedBatch(client, batchSize, []));
    readAhead = undefined;
    // A full batch says there may be more: the next one is read while this one is sent. After a
    // partial one the relay has caught up, and waits.
    const backlog = batch.positions.length === batchSize;
    if (batch.positions.length > 0) {
      [, readAhead] = await Promise.all([
        send(batch),
        backlog ? nextSealedBatch(client, batchSize, batch.positions) : undefined,
      ]);
      // Only once Kafka acknowledged the batch.
      await client.query('DELETE FROM event_store.outbox WHERE position = ANY($1::bigint[])', [
        batch.positions,
      ]);
    }
    if (!backlog) await idle(pollIntervalMs);
  }
}

/**
 * Moves stored events to Kafka, sealing them onto the ledger first (hash-chain.ts).
 *
 * Works from the outbox set, not from a "last position" mark: a transaction that took a
 * lower position but committed late simply shows up in the set later, and is published then.
 * Per-stream order holds because a stream's versions are committed one after the other
 * (each append expects the previous version), so they have increasing positions and the batch
 * is read in position order. An outbox row is deleted only after Kafka acknowledged it from
 * all in-sync replicas; a crash in between re-publishes it, and consumers drop the duplicate
 * by stream version.
 *
 * Through a backlog, the next batch is sealed, read and built while Kafka acknowledges the
 * current one, and sent only once that one is acknowledged: batches still go out one at a time,
 * in order, and the database's share of a batch no longer adds to Kafka's. A failed send drops
 * the batch read ahead; the next round reads it again from the outbox.
 *
 * The lock, the reads and the deletes share one dedicated connection: if it dies the lock
 * is released with it, and whoever takes over starts from the outbox as committed. The leader
 * LISTENs on that connection too: a commit that adds to the outbox wakes it at once (Wakeup), so
 * an idle relay sleeps rather than polls.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private stopping = false;
  private loop?: Promise<void>;
  private readonly wakeup = new Wakeup();
  private producer?: Producer;

  constructor(
    private readonly kafka: Kafka,
    private readonly config: AppConfig,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  /** Finishes the batch in flight; a send stuck on an unreachable broker is abandoned after the grace period. */
  async stop(graceMs = 10_000): Promise<void> {
    this.stopping = true;
    this.wakeup.wake();
    const timer = setTimeout(
      () => void this.producer?.disconnect().catch(() => undefined),
      graceMs,
    );
    await this.loop;
    clearTimeout(timer);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      const client = new Client({
        connectionString: this.config.databaseUrl,
        application_name: 'relay',
      });
      // A dropped connection is reported by the next query; without a listener it would crash.
      client.on('error', (error) => this.logger.warn(`connection lost: ${error.message}`));
      let producer: Producer | undefined;
      try {
        await client.connect();
        const [{ locked }] = (
          await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [
            RELAY_LOCK_ID,
          ])
        ).rows;
        if (!locked) {
          await this.wakeup.wait(STANDBY_RETRY_MS);
          continue;
        }
        const leading = this.kafka.producer({
          idempotent: true,
          maxInFlightRequests: 1,
          allowAutoTopicCreation: false,
          createPartitioner: Partitioners.DefaultPartitioner,
          // Keep retrying through a broker outage, the outbox holds the events meanwhile, and
          // at least every second: a longer backoff is time the restarted broker sits idle.
          retry: { retries: Number.MAX_SAFE_INTEGER, initialRetryTime: 100, maxRetryTime: 1000 },
        });
        producer = this.producer = leading;
        await leading.connect();
        await listenForOutbox(client, this.wakeup);
        this.logger.log('leading: publishing the outbox');
        await publishOutbox(
          client,
          (batch) =>
            leading.send({ topic: this.config.kafka.topic, acks: -1, messages: batch.messages }),
          this.config.relay,
          () => !this.stopping,
          (ms) => this.wakeup.wait(ms),
        );
      } catch (error) {
        // Postgres or Kafka going away is waited out (the outbox keeps the events); anything
        // else needs a person.
        const line = `relay failed: ${error instanceof Error ? error.message : String(error)}; next attempt in ${FAILURE_BACKOFF_MS} ms`;
        if (isDependencyUnavailable(error)) this.logger.warn(line);
        else this.logger.error(line);
        await this.wakeup.wait(FAILURE_BACKOFF_MS);
      } finally {
        this.producer = undefined;
        // A fresh producer after any failure: an idempotent producer whose send failed may hold
        // sequence numbers the broker no longer agrees with.
        await producer?.disconnect().catch(() => undefined);
        await client.end().catch(() => undefined);
      }
    }
  }
}
