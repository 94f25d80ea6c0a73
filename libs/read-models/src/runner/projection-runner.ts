import { EventEnvelope } from '@app/event-store';
import { AppConfig } from '@app/platform';
import { Logger } from '@nestjs/common';
import { EachBatchPayload, Kafka, KafkaMessage } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Projection, READ_MODEL_SCHEMA } from '../projection';
import { schemaName } from '../schema-name';
import { ChunkApplier } from './chunk-applier';
import { DeadLetterPublisher } from './dead-letter-publisher';
import { setGroupWhereTheTablesAre } from './group-offsets';
import { PoisonIsolation, StoppedAt } from './poison-isolation';
import { ProjectionConsumer } from './projection-consumer';

/**
 * What a runner feeds, and how it meets a message it cannot apply.
 * - `live`: one projection into the live read models, through the group
 *   `<prefix>.<projection>` unless one is named. Each live projection stops or skips at its own
 *   poison messages (dead-lettered, then `PROJECTION_POISON_POLICY`), and lags on its own.
 * - `rebuild`: several projections into a schema of their own (a rebuild, then its catch-up
 *   before the swap), from one read of the topic through a group of their own. It fails at the
 *   first message it cannot apply: its caller reports it.
 */
export type ProjectionRunnerMode =
  | { readonly kind: 'live'; readonly projection: Projection; readonly groupId?: string }
  | {
      readonly kind: 'rebuild';
      readonly projections: readonly Projection[];
      readonly schema: string;
      readonly groupId: string;
    };

export interface ProjectionRunnerHooks {
  /** After each committed chunk: the partition and the next offset the projections will apply. */
  readonly onCommitted?: (partition: number, nextOffset: number) => void;
  /**
   * The consumer failed after its retries. Given this, the runner stops there instead of
   * restarting the consumer (which the live projector does, to resume once the cause is gone).
   */
  readonly onCrash?: (error: Error) => void;
}

const CHUNK_SIZE = 500;

/**
 * Feeds projections from the topic through a consumer group, a chunk of a partition's
 * messages at a time, and moves the group's offsets only after the read models committed.
 * In either mode it starts where the projections' tables are, not where the group is.
 */
export class ProjectionRunner {
  /** The projections it feeds, as its consumer group and its log lines name them. */
  readonly name: string;
  private readonly projections: readonly Projection[];
  private readonly schema: string;
  private readonly groupId: string;
  private readonly logger: Logger;
  private readonly consumer: ProjectionConsumer;
  private readonly chunks: ChunkApplier;
  /** The runner's mode, with what only a live runner has. */
  private readonly mode:
    | {
        readonly kind: 'live';
        readonly projection: Projection;
        readonly poison: PoisonIsolation;
        readonly deadLetters: DeadLetterPublisher;
      }
    | { readonly kind: 'rebuild' };
  private stoppedAt: StoppedAt | null = null;

  constructor(
    mode: ProjectionRunnerMode,
    private readonly kafka: Kafka,
    private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly hooks: ProjectionRunnerHooks = {},
  ) {
    switch (mode.kind) {
      case 'live':
        this.projections = [mode.projection];
        this.name = mode.projection.name;
        this.schema = READ_MODEL_SCHEMA;
        this.groupId = mode.groupId ?? `${config.projector.groupPrefix}.${this.name}`;
        break;
      case 'rebuild':
        this.projections = mode.projections;
        this.name = mode.projections.map((p) => p.name).join('+');
        this.schema = schemaName(mode.schema);
        this.groupId = mode.groupId;
        break;
    }
    this.logger = new Logger(`projection ${this.name}`);
    this.consumer = new ProjectionConsumer(kafka, config, this.groupId, hooks.onCrash);
    this.chunks = new ChunkApplier(db, this.schema, this.projections);
    this.mode =
      mode.kind === 'live'
        ? { kind: 'live', ...this.liveParts(mode.projection) }
        : { kind: 'rebuild' };
  }

  /** May be called again after it failed (the projector does, while Kafka is unavailable). */
  async start(): Promise<void> {
    await setGroupWhereTheTablesAre({
      kafka: this.kafka,
      db: this.db,
      topic: this.config.kafka.topic,
      groupId: this.groupId,
      schema: this.schema,
      projections: this.projections.map((p) => p.name),
      logger: this.logger,
    });
    await this.consumer.start((payload) => this.handleBatch(payload));
  }

  async stop(): Promise<void> {
    await this.consumer.stop();
    if (this.mode.kind === 'live') await this.mode.deadLetters.close();
  }

  /** Where a live projection stopped at a message it cannot apply (policy `stop`); else null. */
  get stopped(): StoppedAt | null {
    return this.stoppedAt;
  }

  private liveParts(projection: Projection) {
    const deadLetters = new DeadLetterPublisher(this.kafka, this.config.kafka, projection.name);
    const poison = new PoisonIsolation({
      projection,
      chunks: this.chunks,
      deadLetters,
      db: this.db,
      policy: this.config.projector.poisonPolicy,
      logger: this.logger,
      commit: (payload, messages, events) => this.committed(payload, messages, events),
      stop: (at) => {
        this.stoppedAt = at;
        this.consumer.pause();
      },
    });
    return { projection, poison, deadLetters };
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    for (let i = 0; i < batch.messages.length;) {
      // Stopped at a poison message, of this partition or of one applied at the same time:
      // nothing more is applied (nor resolved) until a restart.
      if (this.stoppedAt || !payload.isRunning() || payload.isStale()) return;
      const chunk = batch.messages.slice(i, i + CHUNK_SIZE);
      try {
        const events = await this.chunks.apply(batch.partition, chunk);
        await this.committed(payload, chunk, events);
        i += chunk.length;
      } catch (error) {
        // A rebuild stops at the first failure: its caller reports it.
        if (this.mode.kind === 'rebuild') throw error;
        const consumed = await this.mode.poison.isolate(payload, chunk);
        if (consumed === null) return;
        i += consumed;
      }
    }
  }

  /** After messages were applied (or skipped): move the group's offset, and say so. */
  private async committed(
    payload: EachBatchPayload,
    messages: readonly KafkaMessage[],
    events: readonly EventEnvelope[],
  ): Promise<void> {
    const { partition } = payload.batch;
    const nextOffset = Number(messages[messages.length - 1].offset) + 1;
    // Offsets move only after the read model committed; a crash in between redelivers,
    // and the checkpoints turn the redelivery into a no-op.
    payload.resolveOffset(messages[messages.length - 1].offset);
    await payload.commitOffsetsIfNecessary();
    await payload.heartbeat();
    this.hooks.onCommitted?.(partition, nextOffset);
    // The live projection only (a rebuild reports its progress itself): where the commands'
    // correlation ids arrived. Ids and offsets only, never the events' data.
    if (this.mode.kind === 'live' && events.length > 0) {
      this.logger.log({
        msg: `applied offsets ${messages[0].offset}-${nextOffset - 1} of partition ${partition}`,
        projection: this.mode.projection.name,
        partition,
        firstOffset: messages[0].offset,
        nextOffset,
        events: events.length,
        correlationIds: [...new Set(events.map((e) => e.metadata.correlationId))],
      });
    }
  }
}
