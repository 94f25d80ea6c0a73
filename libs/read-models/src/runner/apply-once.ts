import { EventEnvelope } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { PROJECTION_STREAM_TYPES, Projection } from '../projection';

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
 * and advances the per-stream checkpoints, in the caller's transaction, with the partition's
 * progress when given. Kafka delivers at least once and the relay may publish an event twice
 * after a crash, so the checkpoint, not the offset, decides: a version already applied is
 * skipped, and a version that skips one stops the projection.
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
export async function recordApplied(
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
