import { AppConfig } from '@app/platform';
import { ProduceAcks, Producer, stringSerializers } from '@platformatic/kafka';
import { Client } from 'pg';
import {
  SealedBatch,
  Wakeup,
  listenForOutbox,
  publishOutbox,
} from '../apps/relay/src/outbox-relay';

/**
 * The relay's loop on @platformatic/kafka, for comparison only. OutboxRelay takes a kafkajs
 * Kafka and builds its producer itself, so it cannot take another client: this adapter runs the
 * relay's own loop (`publishOutbox`: through a backlog, seal and read the next batch while the
 * current one is sent, then delete the acknowledged one) with sends acknowledged by all in-sync
 * replicas on an idempotent producer with one request in flight, on one dedicated connection
 * woken by the outbox's notifications as the relay's is, and leaves out only what a bench does not exercise (standing by for the lock, restarting after a
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
    const wakeup = new Wakeup();
    await listenForOutbox(client, wakeup);
    try {
      await publishOutbox(
        client,
        (batch) => this.send(producer, batch),
        this.config.relay,
        () => !this.stopping,
        (ms) => wakeup.wait(ms),
      );
    } finally {
      await producer.close();
      await client.end();
    }
  }

  private async send(producer: Producer<string, string, string, string>, batch: SealedBatch) {
    const messages = batch.messages.map((message) => ({
      topic: this.config.kafka.topic,
      key: String(message.key),
      value: String(message.value),
      headers: Object.fromEntries(
        Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)]),
      ),
    }));
    await producer.send({ messages });
    this.onAcknowledged(messages.map((m) => m.value));
  }
}
