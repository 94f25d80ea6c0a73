import { AppConfig } from '@app/platform';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';

/**
 * The kafkajs consumer a runner reads the event topic with: its group, its limits and what it
 * does when it fails after its retries.
 */
export class ProjectionConsumer {
  private readonly consumer: Consumer;

  /**
   * Given `onCrash`, a consumer that failed after its retries stops there and says so, instead
   * of restarting (which the live projector relies on, to resume once the cause is gone).
   */
  constructor(
    kafka: Kafka,
    private readonly config: AppConfig,
    groupId: string,
    onCrash?: (error: Error) => void,
  ) {
    const { sessionTimeoutMs } = config.projector;
    this.consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      // How long the broker holds a fetch that finds nothing: a message that arrives meanwhile
      // answers it at once (minBytes is 1), so this costs no freshness, only the idle round
      // trips. It stays well within a heartbeat interval, which is sent between fetches.
      maxWaitTimeInMs: Math.min(1000, sessionTimeoutMs / 10),
      // A fetch's messages stay in memory until all of its batches are applied. 1 MB is still
      // a chunk or more for each of the partitions applied at once, and it keeps a rebuild, or
      // a projector catching up with its four runners, within the memory it is given.
      maxBytes: 2 ** 20,
      // A projector killed outright holds its partitions until its session expires.
      sessionTimeout: sessionTimeoutMs,
      heartbeatInterval: Math.min(3000, sessionTimeoutMs / 5),
      ...(onCrash ? { retry: { restartOnFailure: async () => false } } : {}),
    });
    if (onCrash) {
      this.consumer.on(this.consumer.events.CRASH, ({ payload }) => onCrash(payload.error));
    }
  }

  /** Reads the topic from the group's offsets (its first offset where the group has none). */
  async start(eachBatch: (payload: EachBatchPayload) => Promise<void>): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.config.kafka.topic, fromBeginning: true });
    await this.consumer.run({
      // Postgres applies one partition's chunk while Node decodes and folds another's. A
      // stream is in one partition, whose batches kafkajs still hands over one at a time.
      partitionsConsumedConcurrently: 2,
      eachBatchAutoResolve: false,
      eachBatch,
    });
  }

  /** Fetches nothing more until a restart. */
  pause(): void {
    this.consumer.pause([{ topic: this.config.kafka.topic }]);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
