import { EventEnvelope, fromKafkaMessage } from '@app/event-store';
import { AppConfig, deadLetterTopic } from '@app/platform';
import { Logger } from '@nestjs/common';
import { Consumer, EachBatchPayload, Kafka, KafkaMessage, Producer } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import {
  deadLetterMessage,
  describeError,
  ensureDeadLetterTopic,
  poisonLikelihood,
  readDeadLetters,
} from './dead-letters';
import { PROJECTION_STREAM_TYPES, Projection, READ_MODEL_SCHEMA } from './projection';

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

/** Where a chunk leaves its partition: the next offset the projection will apply there. */
export interface PartitionProgress {
  readonly partition: number;
  readonly nextOffset: number;
  /** When the store recorded the chunk's last event. */
  readonly lastRecordedAt: Date | string;
}

/**
 * Applies the events of a batch not applied yet (of the kind of stream the projection reads)
 * and advances the per-stream checkpoints, in
 * the caller's transaction, with the partition's progress when given. Kafka delivers at least
 * once and the relay may publish an event twice after a crash, so the checkpoint, not the
 * offset, decides: a version already applied is skipped, and a version that skips one stops
 * the projection.
 */
export async function applyOnce(
  projection: Projection,
  batch: readonly EventEnvelope[],
  tx: EntityManager,
  progress?: PartitionProgress,
): Promise<void> {
  const events = batch.filter((e) => e.streamType === PROJECTION_STREAM_TYPES[projection.name]);
  const streamIds = [...new Set(events.map((e) => e.streamId))];
  // Locks the streams' checkpoints: a zombie consumer of the same group waits here. It is the
  // first lock a batch takes, which `swapInReadModels` relies on to hold the projector back.
  const rows: { stream_id: string; version: number }[] = await tx.query(
    `SELECT stream_id, version FROM projection_checkpoints
      WHERE projection = $1 AND stream_id = ANY($2::uuid[]) FOR UPDATE`,
    [projection.name, streamIds],
  );
  const checkpointed = new Map(rows.map((r) => [r.stream_id, r.version]));
  const latest = new Map<string, EventEnvelope>();
  const fresh: EventEnvelope[] = [];
  for (const event of events) {
    const lastApplied =
      latest.get(event.streamId)?.streamVersion ?? checkpointed.get(event.streamId) ?? 0;
    if (event.streamVersion <= lastApplied) continue;
    if (event.streamVersion !== lastApplied + 1) {
      throw new StreamGapError(projection.name, event, lastApplied);
    }
    fresh.push(event);
    latest.set(event.streamId, event);
  }
  if (fresh.length > 0) await projection.apply(fresh, tx);
  await recordApplied(tx, projection.name, [...latest.values()], checkpointed, progress);
}

/**
 * The checkpoints of the streams applied and the partition's progress, in one statement.
 * Progress never moves back on a redelivery. A stream's first checkpoint is inserted, not
 * upserted: a concurrent first apply of the stream (a zombie during a rebalance) fails on the
 * primary key, as there was no row to lock.
 */
async function recordApplied(
  tx: EntityManager,
  projection: string,
  applied: readonly EventEnvelope[],
  checkpointed: ReadonlyMap<string, number>,
  progress: PartitionProgress | undefined,
): Promise<void> {
  if (applied.length === 0 && !progress) return;
  const columns = (events: readonly EventEnvelope[]) => [
    events.map((e) => e.streamId),
    events.map((e) => e.streamVersion),
    events.map((e) => e.position),
  ];
  // Arrays, not JSON, for the checkpoints: the planner then knows how few streams move, and
  // finds each by its key instead of scanning every checkpoint of every projection.
  await tx.query(
    `WITH moved AS (
       UPDATE projection_checkpoints c SET version = m.version, position = m.position
         FROM unnest($5::uuid[], $6::int[], $7::bigint[]) AS m(stream_id, version, position)
        WHERE c.projection = $1 AND c.stream_id = m.stream_id
     ), progress AS (
       INSERT INTO projection_progress AS p (projection, partition, next_offset, last_recorded_at)
       SELECT $1, $8::int, $9::bigint, $10::timestamptz WHERE $8::int IS NOT NULL
       ON CONFLICT (projection, partition) DO UPDATE SET
         next_offset = GREATEST(p.next_offset, excluded.next_offset),
         last_recorded_at = CASE WHEN excluded.next_offset > p.next_offset
                                 THEN excluded.last_recorded_at
                                 ELSE p.last_recorded_at END
     )
     INSERT INTO projection_checkpoints (projection, stream_id, version, position)
     SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::bigint[])`,
    [
      projection,
      ...columns(applied.filter((e) => !checkpointed.has(e.streamId))),
      ...columns(applied.filter((e) => checkpointed.has(e.streamId))),
      progress?.partition ?? null,
      progress?.nextOffset ?? null,
      progress?.lastRecordedAt ?? null,
    ],
  );
}

export interface ProjectionRunnerOptions {
  /** The schema written to: the live one unless a rebuild names a fresh one. */
  readonly schema?: string;
  /** The consumer group: `<prefix>.<projection>` unless a rebuild names its own. */
  readonly groupId?: string;
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
 * Feeds projections from the topic through a consumer group. The live runner (no `schema`
 * given) feeds one projection through its own group, dead-letters a message it cannot apply
 * and then follows the configured policy (`PROJECTION_POISON_POLICY`): stop there, or skip it
 * and go on. A rebuild may feed several from one read of the topic: each chunk is decoded once
 * and applied to every projection, each in a transaction of its own, at the same time.
 */
export class ProjectionRunner {
  private readonly consumer: Consumer;
  private readonly schema: string;
  private readonly groupId: string;
  private readonly logger: Logger;
  private readonly deadLettering: boolean;
  /** Set up at the first poison message; `published` as `partition:offset` of the source. */
  private deadLetters?: Promise<{ producer: Producer; published: Set<string> }>;
  private stoppedAt: { partition: number; offset: string } | null = null;
  private readonly projections: readonly Projection[];
  /** The projections it feeds, as its consumer group and its log lines name them. */
  readonly name: string;

  constructor(
    projections: Projection | readonly Projection[],
    private readonly kafka: Kafka,
    private readonly db: DataSource,
    private readonly config: AppConfig,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.projections = 'name' in projections ? [projections] : projections;
    this.name = this.projections.map((p) => p.name).join('+');
    this.deadLettering = options.schema === undefined;
    // Each live projection stops or skips at its own poison messages, and lags on its own.
    if (this.deadLettering && this.projections.length !== 1) {
      throw new Error(`the live runner feeds one projection, not ${this.name}`);
    }
    this.schema = schemaName(options.schema ?? READ_MODEL_SCHEMA);
    this.groupId = options.groupId ?? `${config.projector.groupPrefix}.${this.name}`;
    this.logger = new Logger(`projection ${this.name}`);
    this.consumer = kafka.consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      // How long the broker holds a fetch that finds nothing: a message that arrives meanwhile
      // answers it at once (minBytes is 1), so this costs no freshness, only the idle round
      // trips. It stays well within a heartbeat interval, which is sent between fetches.
      maxWaitTimeInMs: Math.min(1000, config.projector.sessionTimeoutMs / 10),
      // A fetch's messages stay in memory until all of its batches are applied. 1 MB is still
      // a chunk or more for each of the partitions applied at once, and it keeps a rebuild, or
      // a projector catching up with its four runners, within the memory it is given (a
      // rebuild of 1,000,000 events peaked at 259 MB with 2 MB, at 234 MB with 1 MB).
      maxBytes: 2 ** 20,
      // A projector killed outright holds its partitions until its session expires.
      sessionTimeout: config.projector.sessionTimeoutMs,
      heartbeatInterval: Math.min(3000, config.projector.sessionTimeoutMs / 5),
      ...(options.onCrash ? { retry: { restartOnFailure: async () => false } } : {}),
    });
    const { onCrash } = options;
    if (onCrash) {
      this.consumer.on(this.consumer.events.CRASH, ({ payload }) => onCrash(payload.error));
    }
  }

  /** May be called again after it failed (the projector does, while Kafka is unavailable). */
  async start(): Promise<void> {
    await this.startWhereTheTablesAre();
    await this.consumer.connect();
    await this.consumer.subscribe({ topic: this.config.kafka.topic, fromBeginning: true });
    await this.consumer.run({
      // Postgres applies one partition's chunk while Node decodes and folds another's. A
      // stream is in one partition, whose batches kafkajs still hands over one at a time.
      partitionsConsumedConcurrently: 2,
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    const deadLetters = await this.deadLetters?.catch(() => undefined);
    await deadLetters?.producer.disconnect();
  }

  /** Where the projection stopped at a message it cannot apply (policy `stop`); else null. */
  get stopped(): { partition: number; offset: string } | null {
    return this.stoppedAt;
  }

  /** The projection a live runner feeds, which the dead letters name. */
  private get projection(): Projection {
    return this.projections[0];
  }

  /**
   * The tables, not the consumer group, say where to go on: the group is set to the next offset
   * `projection_progress` records for each partition (the least of the projections'), and to the
   * partition's first offset where any records none (a new projection, one emptied by a
   * migration, a partition never read).
   * The group's offsets are never ahead of the tables in normal running (they are committed
   * after the tables), but they are after a swap put tables built by other groups in place
   * (`swapInReadModels`), or after a restore: going on from the group would skip events there.
   * Going back is harmless: the checkpoints skip what is applied already. Only offsets that
   * differ are set, since setting them joins the group once more.
   */
  private async startWhereTheTablesAre(): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.setGroupToTables();
      } catch (error) {
        const message = (error as Error).message;
        // Another replica of the group is consuming already: it started where the tables are.
        if (message.includes('no running instances')) {
          this.logger.warn(`not set to the offsets of its tables: ${message}`);
          return;
        }
        // Going on from the group instead could skip events: retry (a coordinator that is
        // loading or moving), then refuse to start.
        if (attempt === 5) throw error;
        this.logger.warn(`setting the offsets of its tables failed, retrying: ${message}`);
        await sleep(500 * attempt);
      }
    }
  }

  private async setGroupToTables(): Promise<void> {
    const { topic } = this.config.kafka;
    const progress: { partition: number; next_offset: string }[] = await this.db.query(
      `SELECT partition, min(next_offset) AS next_offset FROM ${this.schema}.projection_progress
        WHERE projection = ANY($1) GROUP BY partition HAVING count(*) = $2`,
      [this.projections.map((p) => p.name), this.projections.length],
    );
    const recorded = new Map(progress.map((p) => [p.partition, String(p.next_offset)]));
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const [committed] = await admin.fetchOffsets({ groupId: this.groupId, topics: [topic] });
      // A partition without a committed offset starts at its first one (`fromBeginning`).
      const from = new Map(committed.partitions.map((p) => [p.partition, p.offset]));
      const partitions = (await admin.fetchTopicOffsets(topic)).map((p) => ({
        partition: p.partition,
        offset: recorded.get(p.partition) ?? p.low,
        now: from.get(p.partition) === '-1' ? p.low : from.get(p.partition),
      }));
      if (partitions.every((p) => p.offset === p.now)) return;
      this.logger.log(
        `set to the offsets of its tables: ${partitions.map((p) => `${p.partition}@${p.offset}`).join(', ')}`,
      );
      await admin.setOffsets({
        groupId: this.groupId,
        topic,
        partitions: partitions.map(({ partition, offset }) => ({ partition, offset })),
      });
    } finally {
      await admin.disconnect();
    }
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch } = payload;
    for (let i = 0; i < batch.messages.length;) {
      // Stopped at a poison message, of this partition or of one applied at the same time:
      // nothing more is applied (nor resolved) until a restart.
      if (this.stoppedAt || !payload.isRunning() || payload.isStale()) return;
      const chunk = batch.messages.slice(i, i + CHUNK_SIZE);
      try {
        const events = await this.applyChunk(batch.partition, chunk);
        await this.committed(payload, chunk, events);
        i += chunk.length;
      } catch (error) {
        // A rebuild stops at the first failure, as before: its caller reports it.
        if (!this.deadLettering) throw error;
        const consumed = await this.isolatePoison(payload, chunk);
        if (consumed === null) return;
        i += consumed;
      }
    }
  }

  /** Decodes messages and applies them, with the partition's progress, to each projection. */
  private async applyChunk(
    partition: number,
    messages: readonly KafkaMessage[],
  ): Promise<EventEnvelope[]> {
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

  /** A transaction whose unqualified tables are those of the projections' schema. */
  private async transaction(work: (tx: EntityManager) => Promise<void>): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query(`SET LOCAL search_path TO ${this.schema}`);
      await work(tx);
    });
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
    this.options.onCommitted?.(partition, nextOffset);
    // The live projection only (a rebuild reports its progress itself): where the commands'
    // correlation ids arrived. Ids and offsets only, never the events' data.
    if (this.options.schema === undefined && events.length > 0) {
      this.logger.log({
        msg: `applied offsets ${messages[0].offset}-${nextOffset - 1} of partition ${partition}`,
        projection: this.projection.name,
        partition,
        firstOffset: messages[0].offset,
        nextOffset,
        events: events.length,
        correlationIds: [...new Set(events.map((e) => e.metadata.correlationId))],
      });
    }
  }

  /**
   * A chunk failed: applies its messages one by one, each in its own transaction, up to the
   * first that fails alone. That one, if it is the message's fault, is dead-lettered; then the
   * policy says whether to go on past it (the number of messages consumed is returned) or to
   * stop there (null). A failure that is not the message's (the database, the broker) is
   * thrown: the consumer restarts and reads the message again, as before.
   */
  private async isolatePoison(
    payload: EachBatchPayload,
    chunk: readonly KafkaMessage[],
  ): Promise<number | null> {
    const { partition } = payload.batch;
    for (let k = 0; k < chunk.length; k++) {
      if (!payload.isRunning() || payload.isStale()) return null;
      const message = chunk[k];
      let failure: unknown;
      for (let attempt = 1; attempt <= 2; attempt++) {
        try {
          await this.committed(payload, [message], await this.applyChunk(partition, [message]));
          failure = undefined;
          break;
        } catch (error) {
          failure = error;
          const likelihood = poisonLikelihood(error);
          if (likelihood === 'no') throw error;
          if (likelihood === 'certain') break;
          // A second failure alone, while the database answers, is the message's.
          if (attempt === 2 && !(await this.databaseAnswers())) throw error;
        }
      }
      if (failure === undefined) continue;
      const error = describeError(failure);
      const reason = error.replace(/\.$/, '');
      const where = { projection: this.projection.name, partition, offset: message.offset };
      const published = await this.deadLetter(partition, message, error);
      if (this.config.projector.poisonPolicy === 'stop') {
        this.stoppedAt = { partition, offset: message.offset };
        this.consumer.pause([{ topic: this.config.kafka.topic }]);
        this.logger.error({
          ...where,
          msg:
            `STOPPED at offset ${message.offset} of partition ${partition}, which it cannot ` +
            `apply (${published ? 'dead-lettered' : 'dead-lettered before'}): ${reason}. ` +
            'Its lag grows until a release that can apply it is started (then redrive it).',
          alert: 'projection-stopped',
          error,
        });
        return null;
      }
      await this.skipPoison(payload, message);
      this.logger.error({
        ...where,
        msg:
          `SKIPPED offset ${message.offset} of partition ${partition}, which it cannot apply ` +
          `(${published ? 'dead-lettered' : 'dead-lettered before'}): ${reason}. ` +
          'Later events of its stream are dead-lettered too, until it is redriven.',
        alert: 'dead-letter-skipped',
        error,
      });
      return k + 1;
    }
    // Every message applied alone: what failed the chunk did not happen again.
    return chunk.length;
  }

  private async databaseAnswers(): Promise<boolean> {
    try {
      await this.db.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  /**
   * Publishes the dead letter unless the topic holds one for this source message already
   * (a restart that meets the same message again). Returns whether it published.
   */
  private async deadLetter(partition: number, message: KafkaMessage, error: string) {
    // Partitions are applied at once: two may meet a poison message at the same time. A setup
    // that failed is tried again at the next one.
    this.deadLetters ??= this.openDeadLetters().catch((failure: unknown) => {
      this.deadLetters = undefined;
      throw failure;
    });
    const { producer, published } = await this.deadLetters;
    const key = `${partition}:${message.offset}`;
    if (published.has(key)) return false;
    await producer.send({
      topic: deadLetterTopic(this.config.kafka.topic),
      acks: -1,
      messages: [deadLetterMessage(this.projection.name, partition, message, error, new Date())],
    });
    published.add(key);
    return true;
  }

  private async openDeadLetters(): Promise<{ producer: Producer; published: Set<string> }> {
    const config = this.config.kafka;
    await ensureDeadLetterTopic(this.kafka, config);
    const pending = await readDeadLetters(this.kafka, config.topic);
    const producer = this.kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    return {
      producer,
      published: new Set(
        pending
          .filter((l) => l.projection === this.projection.name)
          .map((l) => `${l.sourcePartition}:${l.sourceOffset}`),
      ),
    };
  }

  /**
   * Records the message as handled: the partition's progress moves past it, the stream's
   * checkpoint does not. The stream's later events then meet a gap and are dead-lettered in
   * turn, so no read row is built on a history with a hole; a redrive applies them in order.
   */
  private async skipPoison(payload: EachBatchPayload, message: KafkaMessage): Promise<void> {
    const { partition } = payload.batch;
    await this.transaction((tx) =>
      recordApplied(tx, this.projection.name, [], new Map(), {
        partition,
        nextOffset: Number(message.offset) + 1,
        lastRecordedAt: new Date(Number(message.timestamp)),
      }),
    );
    await this.committed(payload, [message], []);
  }
}

/** Schema names are ours (the live one, or a rebuild's), but they go into SQL unquoted. */
export function schemaName(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`not a schema name: ${name}`);
  return name;
}
