import { EventEnvelope, fromKafkaMessage } from '@app/event-store';
import { AppConfig } from '@app/platform';
import { Consumer, EachBatchPayload, Kafka } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { Projection } from './projection';

/** A stream's next event is missing: applying a later one would corrupt the read model. */
export class StreamGapError extends Error {
  constructor(projection: string, event: EventEnvelope, lastApplied: number) {
    super(
      `${projection}: stream ${event.streamId} is at version ${lastApplied}, ` +
        `cannot apply version ${event.streamVersion}`,
    );
    this.name = 'StreamGapError';
  }
}

/**
 * Applies one event and advances the per-stream checkpoint in the caller's transaction.
 * Kafka delivers at least once and the relay may publish an event twice after a crash, so
 * the checkpoint, not the offset, decides: a version already applied is skipped.
 */
export async function applyOnce(
  projection: Projection,
  event: EventEnvelope,
  tx: EntityManager,
): Promise<void> {
  const rows: { version: number }[] = await tx.query(
    `SELECT version FROM read_model.projection_checkpoints
      WHERE projection = $1 AND stream_id = $2 FOR UPDATE`,
    [projection.name, event.streamId],
  );
  const lastApplied = rows.length === 0 ? 0 : rows[0].version;
  if (event.streamVersion <= lastApplied) return;
  if (event.streamVersion !== lastApplied + 1) {
    throw new StreamGapError(projection.name, event, lastApplied);
  }
  await projection.apply(event, tx);
  if (lastApplied === 0) {
    // A concurrent first apply (a zombie consumer during a rebalance) fails on the primary key.
    await tx.query(
      `INSERT INTO read_model.projection_checkpoints (projection, stream_id, version, position)
       VALUES ($1, $2, $3, $4)`,
      [projection.name, event.streamId, event.streamVersion, event.position],
    );
  } else {
    await tx.query(
      `UPDATE read_model.projection_checkpoints
          SET version = $3, position = $4, updated_at = now()
        WHERE projection = $1 AND stream_id = $2`,
      [projection.name, event.streamId, event.streamVersion, event.position],
    );
  }
}

/** Feeds one projection from the topic through its own consumer group. */
export class ProjectionRunner {
  private readonly consumer: Consumer;

  constructor(
    private readonly projection: Projection,
    kafka: Kafka,
    private readonly db: DataSource,
    private readonly config: AppConfig,
  ) {
    this.consumer = kafka.consumer({
      groupId: `${config.projector.groupPrefix}.${projection.name}`,
      allowAutoTopicCreation: false,
      // Freshness matters more than fetch efficiency when the topic is quiet.
      maxWaitTimeInMs: 100,
    });
  }

  async start(): Promise<void> {
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.config.kafka.topic, fromBeginning: true });
    await this.consumer.run({
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    const chunkSize = 500;
    for (let i = 0; i < batch.messages.length; i += chunkSize) {
      if (!payload.isRunning() || payload.isStale()) return;
      const chunk = batch.messages.slice(i, i + chunkSize);
      const events = chunk.map((message) => fromKafkaMessage(message));
      await this.db.transaction(async (tx) => {
        for (const event of events) await applyOnce(this.projection, event, tx);
      });
      // Offsets move only after the read model committed; a crash in between redelivers,
      // and the checkpoint turns the redelivery into a no-op.
      payload.resolveOffset(chunk[chunk.length - 1].offset);
      await payload.commitOffsetsIfNecessary();
      await payload.heartbeat();
    }
  }
}
