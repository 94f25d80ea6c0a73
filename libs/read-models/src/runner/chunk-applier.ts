import { EventEnvelope, fromKafkaMessage } from '@app/event-store';
import { KafkaMessage } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { Projection } from '../projection';
import { applyOnce, recordApplied } from './apply-once';

/**
 * Writes a partition's messages into the projections' tables in one schema: each chunk is
 * decoded once and applied to every projection, each in a transaction of its own, at the same
 * time (the projections share no table).
 */
export class ChunkApplier {
  constructor(
    private readonly db: DataSource,
    /** Checked by `schemaName`: it goes into SQL unquoted. */
    private readonly schema: string,
    private readonly projections: readonly Projection[],
  ) {}

  /** Decodes messages and applies them, with the partition's progress, to each projection. */
  async apply(partition: number, messages: readonly KafkaMessage[]): Promise<EventEnvelope[]> {
    const events = messages.map((message) => fromKafkaMessage(message));
    const progress = {
      partition,
      nextOffset: Number(messages[messages.length - 1].offset) + 1,
      lastRecordedAt: events[events.length - 1].recordedAt,
    };
    // Every transaction ends before the chunk counts as failed: none is left running behind it.
    const applied = await Promise.allSettled(
      this.projections.map((projection) =>
        this.transaction((tx) => applyOnce(projection, events, tx, progress)),
      ),
    );
    for (const result of applied) if (result.status === 'rejected') throw result.reason;
    return events;
  }

  /**
   * Records a message as read by the projection without applying it: the partition's progress
   * moves past it, no stream's checkpoint does.
   */
  async skip(projection: Projection, partition: number, message: KafkaMessage): Promise<void> {
    await this.transaction((tx) =>
      recordApplied(tx, projection.name, [], new Map(), {
        partition,
        nextOffset: Number(message.offset) + 1,
        lastRecordedAt: new Date(Number(message.timestamp)),
      }),
    );
  }

  /** A transaction whose unqualified tables are those of the projections' schema. */
  private async transaction(work: (tx: EntityManager) => Promise<void>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL search_path TO ${this.schema}`);
      await work(tx);
    });
  }
}
