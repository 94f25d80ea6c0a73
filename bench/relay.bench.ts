import { OutboxRelay } from '../apps/relay/src/outbox-relay';
import {
  EVENT_COLUMNS,
  EventRow,
  PostgresEventStore,
  toEnvelope,
  toKafkaMessage,
} from '@app/event-store';
import { AppConfig } from '@app/platform';
import { Kafka, KafkaConfig, logLevel, Message, Producer, ProducerConfig } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { metadata } from './appenders';
import { Context, Section, size } from './context';
import { PlatformaticRelay } from './platformatic-relay';
import { compared, absolute } from './report';
import { nowMs, percentile, sleep, until } from './stats';

const POSITION = /"position":"(\d+)"/;
const positionOf = (value: string) => POSITION.exec(value)?.[1] ?? '';

/** kafkajs as the apps configure it, with each acknowledged send reported (the relay is not changed). */
class ObservedKafka extends Kafka {
  constructor(
    config: KafkaConfig,
    private readonly onAcknowledged: (values: readonly string[]) => void,
  ) {
    super(config);
  }

  override producer(config?: ProducerConfig): Producer {
    const producer = super.producer(config);
    const send = producer.send.bind(producer);
    producer.send = async (record) => {
      const result = await send(record);
      this.onAcknowledged(record.messages.map((m) => String(m.value)));
      return result;
    };
    return producer;
  }
}

const kafkaConfig = (config: AppConfig, role: string): KafkaConfig => ({
  clientId: `${config.kafka.clientId}.${role}`,
  brokers: config.kafka.brokers,
  logLevel: logLevel.WARN,
  connectionTimeout: 3000,
  retry: { initialRetryTime: 200, retries: 8 },
});

interface Publisher {
  start(): void;
  stop(): Promise<void>;
}

type Relay = 'kafkajs' | 'platformatic';

function relay(kind: Relay, config: AppConfig, onAck: (values: readonly string[]) => void) {
  if (kind === 'platformatic') return new PlatformaticRelay(config, onAck);
  return new OutboxRelay(new ObservedKafka(kafkaConfig(config, 'relay'), onAck), config);
}

/** An event as the API stores one: appended with the project's store, so its outbox row is real. */
function event(n: number) {
  return {
    type: 'case.details-amended',
    schemaVersion: 1,
    occurredAt: new Date(),
    data: { summary: `Van with ${n % 40} migrants stopped near Obrežje; driver arrested.` },
  };
}

/** Fills the outbox with `total` events, 20 to an append, on 8 connections. */
async function fillOutbox(db: DataSource, total: number): Promise<void> {
  const store = new PostgresEventStore(db);
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < total) {
        const count = Math.min(20, total - next);
        next += count;
        await store.append({
          streamId: randomUUID(),
          streamType: 'case',
          expectedVersion: 0,
          events: Array.from({ length: count }, (_, i) => event(i)),
          metadata: metadata(),
        });
      }
    }),
  );
}

/** Events per second from the start of a publisher until `total` were acknowledged. */
async function drain(
  make: (onAck: (values: readonly string[]) => void) => Publisher,
  total: number,
): Promise<number> {
  let acknowledged = 0;
  let last = 0;
  const publisher = make((values) => {
    acknowledged += values.length;
    last = nowMs();
  });
  const started = nowMs();
  publisher.start();
  await until(async () => acknowledged >= total, 'the outbox to drain', 600_000, 20);
  await publisher.stop();
  return (total * 1000) / (last - started);
}

/** Commits single-event appends at `rate` a second; reports each commit's position and time. */
async function steadyAppends(
  db: DataSource,
  rate: number,
  ms: number,
  onCommit: (position: string, envelopeValue: string, at: number) => void,
): Promise<void> {
  const store = new PostgresEventStore(db);
  const end = Date.now() + ms;
  let nextSlot = Date.now();
  const inFlight: Promise<void>[] = [];
  for (let n = 0; Date.now() < end; n++) {
    const slot = Math.max(Date.now(), nextSlot);
    nextSlot = slot + 1000 / rate;
    await sleep(slot - Date.now());
    const streamId = randomUUID();
    const e = event(n);
    const meta = metadata();
    inFlight.push(
      store
        .append({ streamId, streamType: 'case', expectedVersion: 0, events: [e], metadata: meta })
        .then((result) => {
          const at = nowMs();
          const value = JSON.stringify({
            type: e.type,
            schemaVersion: 1,
            eventId: randomUUID(),
            streamId,
            streamType: 'case',
            streamVersion: 1,
            position: result.position,
            occurredAt: e.occurredAt.toISOString(),
            recordedAt: new Date().toISOString(),
            data: e.data,
            metadata: meta,
            hash: '0'.repeat(64),
          });
          onCommit(result.position, value, at);
        }),
    );
  }
  await Promise.all(inFlight);
}

/**
 * B4: the relay's throughput on a backlog and its lag under a steady load, with kafkajs (the
 * project's OutboxRelay as it is) and on @platformatic/kafka (an adapter of its loop), beside a
 * plain kafkajs producer sending the same payloads without the outbox.
 */
export async function relayBench(ctx: Context): Promise<Section> {
  const { infra } = ctx;
  const total = size(ctx, 20_000, 100_000);
  const rate = 200;
  const lagMs = size(ctx, 8000, 20_000);
  const details: Record<string, unknown> = { backlogEvents: total, lagRate: rate, lagMs };

  // One backlog, copied for each publisher: each seals and sends the same events.
  const filledUrl = await infra.migratedDatabase('b4_filled');
  const filled = await infra.dataSource(infra.environment(filledUrl).config, 8, 'bench-fill');
  await fillOutbox(filled, total);
  await filled.destroy();

  const throughputs: Record<string, number> = {};
  for (const kind of ['kafkajs', 'platformatic'] as const) {
    const url = await infra.copyOf('b4_filled', `b4_${kind}`);
    const { config } = infra.environment(url);
    await infra.topic(config);
    throughputs[`relay (${kind})`] = await drain((onAck) => relay(kind, config, onAck), total);
    ctx.log(`  relay on ${kind}: ${throughputs[`relay (${kind})`].toFixed(0)} events/s`);
  }

  // The same payloads, ledger links and all, as the relay published them; sent as fast as a plain
  // producer sends batches of the relay's size, one after the other.
  const { config: rawConfig } = infra.environment(await infra.copyOf('b4_kafkajs', 'b4_raw'));
  await infra.topic(rawConfig);
  const messages = await publishedMessages(rawConfig.databaseUrl);
  throughputs['plain kafkajs producer'] = await drain(
    (onAck) => plainProducer(rawConfig, messages, onAck),
    messages.length,
  );
  ctx.log(`  plain kafkajs producer: ${throughputs['plain kafkajs producer'].toFixed(0)} events/s`);
  details.eventsPerSecond = throughputs;

  // Lag: from the append's commit (its answer) to Kafka's acknowledgement of the event.
  const lags: Record<string, number[]> = {};
  const warmupMs = 2000;
  for (const kind of ['kafkajs', 'platformatic', 'plain'] as const) {
    const url = await infra.migratedDatabase(`b4_lag_${kind}`);
    const { config } = infra.environment(url);
    await infra.topic(config);
    const db = await infra.dataSource(config, 4, 'bench-load');
    const committed = new Map<string, number>();
    const samples: number[] = [];
    const measureFrom = nowMs() + warmupMs;
    const onAck = (values: readonly string[]) => {
      const at = nowMs();
      for (const value of values) {
        const commit = committed.get(positionOf(value));
        if (commit !== undefined && commit >= measureFrom) samples.push(at - commit);
      }
    };
    if (kind === 'plain') {
      const producer = new Kafka(kafkaConfig(config, 'plain')).producer();
      await producer.connect();
      const sends: Promise<void>[] = [];
      await steadyAppends(db, rate, warmupMs + lagMs, (position, value, at) => {
        committed.set(position, at);
        const message: Message = { key: position, value };
        sends.push(
          producer
            .send({ topic: config.kafka.topic, acks: -1, messages: [message] })
            .then(() => onAck([value])),
        );
      });
      await Promise.all(sends);
      await producer.disconnect();
    } else {
      const publisher = relay(kind, config, onAck);
      publisher.start();
      await steadyAppends(db, rate, warmupMs + lagMs, (position, _value, at) =>
        committed.set(position, at),
      );
      const expected = [...committed.values()].filter((at) => at >= measureFrom).length;
      await until(async () => samples.length >= expected, 'the relay to publish', 60_000, 20);
      await publisher.stop();
    }
    await db.destroy();
    lags[kind] = samples;
  }
  details.lagP50Ms = Object.fromEntries(
    Object.entries(lags).map(([k, v]) => [k, percentile(v, 0.5)]),
  );

  const plain = { name: 'plain kafkajs producer', value: throughputs['plain kafkajs producer'] };
  const plainLag = (p: number) => ({
    name: 'plain kafkajs producer',
    value: percentile(lags.plain, p),
  });
  return {
    rows: [
      compared(
        'B4',
        'relay throughput (kafkajs)',
        'events/s',
        throughputs['relay (kafkajs)'],
        plain,
        {
          min: 0.8,
        },
      ),
      compared(
        'B4',
        'relay throughput (platformatic)',
        'events/s',
        throughputs['relay (platformatic)'],
        plain,
      ),
      compared('B4', 'relay lag p50 (kafkajs)', 'ms', percentile(lags.kafkajs, 0.5), plainLag(0.5)),
      compared(
        'B4',
        'relay lag p99 (kafkajs)',
        'ms',
        percentile(lags.kafkajs, 0.99),
        plainLag(0.99),
      ),
      absolute('B4', 'relay lag p99 (kafkajs)', 'ms', percentile(lags.kafkajs, 0.99), { max: 50 }),
      compared(
        'B4',
        'relay lag p99 (platformatic)',
        'ms',
        percentile(lags.platformatic, 0.99),
        plainLag(0.99),
      ),
    ],
    details,
  };
}

/** What the relay published from a database: its events with their ledger links, in order. */
async function publishedMessages(databaseUrl: string): Promise<Message[]> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<EventRow & { ledger_seq: string; ledger_hash: string }>(
      `SELECT ${EVENT_COLUMNS}, l.ledger_seq, l.ledger_hash
         FROM event_store.events e
         JOIN (SELECT position, seq::text AS ledger_seq, encode(hash, 'hex') AS ledger_hash
                 FROM event_store.ledger) l USING (position)
        ORDER BY e.position`,
    );
    return rows.map((row) =>
      toKafkaMessage(toEnvelope(row), { seq: row.ledger_seq, hash: row.ledger_hash }),
    );
  } finally {
    await pool.end();
  }
}

/** A plain kafkajs producer (its defaults) sending prepared messages in the relay's batch size. */
function plainProducer(
  config: AppConfig,
  messages: readonly Message[],
  onAck: (values: readonly string[]) => void,
): Publisher {
  const producer = new Kafka(kafkaConfig(config, 'plain')).producer();
  let running: Promise<void> | undefined;
  return {
    start() {
      running = (async () => {
        await producer.connect();
        for (let i = 0; i < messages.length; i += config.relay.batchSize) {
          const batch = messages.slice(i, i + config.relay.batchSize);
          await producer.send({ topic: config.kafka.topic, acks: -1, messages: batch });
          onAck(batch.map((m) => String(m.value)));
        }
      })();
    },
    async stop() {
      await running;
      await producer.disconnect();
    },
  };
}
