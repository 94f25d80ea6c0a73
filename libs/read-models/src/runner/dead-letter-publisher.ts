import { AppConfig, deadLetterTopic } from '@app/platform';
import { Kafka, KafkaMessage, Producer } from 'kafkajs';
import { deadLetterMessage, ensureDeadLetterTopic, readDeadLetters } from '../dead-letters';
import { ProjectionName } from '../projection';

/**
 * The live runner's producer of one projection's dead letters: it publishes each source
 * message once, even when a restart meets the same message again.
 */
export class DeadLetterPublisher {
  /** Set up at the first poison message; `published` as `partition:offset` of the source. */
  private deadLetters?: Promise<{ producer: Producer; published: Set<string> }>;

  constructor(
    private readonly kafka: Kafka,
    private readonly config: AppConfig['kafka'],
    private readonly projection: ProjectionName,
  ) {}

  /**
   * Publishes the dead letter unless the topic holds one for this source message already
   * (a restart that meets the same message again). Returns whether it published.
   */
  async publish(partition: number, message: KafkaMessage, error: string): Promise<boolean> {
    // Partitions are applied at once: two may meet a poison message at the same time. A setup
    // that failed is tried again at the next one.
    this.deadLetters ??= this.open().catch((failure: unknown) => {
      this.deadLetters = undefined;
      throw failure;
    });
    const { producer, published } = await this.deadLetters;
    const key = `${partition}:${message.offset}`;
    if (published.has(key)) return false;
    await producer.send({
      topic: deadLetterTopic(this.config.topic),
      acks: -1,
      messages: [deadLetterMessage(this.projection, partition, message, error, new Date())],
    });
    published.add(key);
    return true;
  }

  async close(): Promise<void> {
    const deadLetters = await this.deadLetters?.catch(() => undefined);
    await deadLetters?.producer.disconnect();
  }

  private async open(): Promise<{ producer: Producer; published: Set<string> }> {
    await ensureDeadLetterTopic(this.kafka, this.config);
    const pending = await readDeadLetters(this.kafka, this.config.topic);
    const producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    return {
      producer,
      published: new Set(
        pending
          .filter((l) => l.projection === this.projection)
          .map((l) => `${l.sourcePartition}:${l.sourceOffset}`),
      ),
    };
  }
}
