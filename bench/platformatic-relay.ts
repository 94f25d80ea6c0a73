import { EventRow, toEnvelope, toKafkaMessage } from '@app/event-store';
import { AppConfig, UNSEALED_OUTBOX, sealSql } from '@app/platform';
import { ProduceAcks, Producer, stringSerializers } from '@platformatic/kafka';
import { Client } from 'pg';
import { NEXT_BATCH_SQL } from '../apps/relay/src/outbox-relay';

const SEAL_SQL = sealSql(UNSEALED_OUTBOX);

/**
 * The relay's loop on @platformatic/kafka, for comparison only. OutboxRelay takes a kafkajs
 * Kafka and builds its producer itself, so it cannot take another client: this adapter does the
 * same work per batch (seal, read the sealed batch, send with acks from all in-sync replicas on
 * an idempotent producer with one request in flight, delete) on one dedicated connection, and
 * leaves out only what a bench does not exercise (standing by for the lock, restarting after a
 * failure).
 */
export class PlatformaticRelay {
  private stopping = false;
  private loop?: Promise<void>;

  constructor(
    private readonly config: AppConfig,
    private readonly onAcknowledged: (values: readonly string[]) => void,
  ) {}

  start(): void {
    this.loop ??= this.run();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await this.loop;
  }

  private async run(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl });
    const producer = new Producer({
      clientId: `${this.config.kafka.clientId}.relay-platformatic`,
      bootstrapBrokers: this.config.kafka.brokers,
      idempotent: true,
      acks: ProduceAcks.ALL,
      maxInflights: 1,
      autocreateTopics: false,
      serializers: stringSerializers,
    });
    await client.connect();
    try {
      while (!this.stopping) {
        const published = await this.publishBatch(client, producer);
        if (published < this.config.relay.batchSize) {
          await new Promise((resolve) => setTimeout(resolve, this.config.relay.pollIntervalMs));
        }
      }
    } finally {
      await producer.close();
      await client.end();
    }
  }

  private async publishBatch(client: Client, producer: Producer<string, string, string, string>) {
    const { batchSize } = this.config.relay;
    await client.query(SEAL_SQL, [batchSize]);
    const { rows } = await client.query<EventRow & { ledger_seq: string; ledger_hash: string }>(
      NEXT_BATCH_SQL,
      [batchSize],
    );
    if (rows.length === 0) return 0;
    const messages = rows.map((row) => {
      const message = toKafkaMessage(toEnvelope(row), {
        seq: row.ledger_seq,
        hash: row.ledger_hash,
      });
      return {
        topic: this.config.kafka.topic,
        key: String(message.key),
        value: String(message.value),
        headers: Object.fromEntries(
          Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
        ),
      };
    });
    await producer.send({ messages });
    this.onAcknowledged(messages.map((m) => m.value));
    await client.query('DELETE FROM event_store.outbox WHERE position = ANY($1::bigint[])', [
      rows.map((row) => row.position),
    ]);
    return rows.length;
  }
}
