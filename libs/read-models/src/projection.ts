import { CASE_STREAM_TYPE, PROCEDURE_STREAM_TYPE } from '@app/domain';
import { EventEnvelope } from '@app/event-store';
import { EntityManager } from 'typeorm';

/**
 * A read model fed only by the event topic. `apply` runs inside the transaction that also
 * advances the projection's checkpoints, so it may assume each event arrives exactly once and
 * in stream order; it must not have effects outside that transaction.
 *
 * It names its tables without a schema: the runner points the transaction's search_path at
 * the live read-model schema, or at a fresh one when the projection is being rebuilt.
 */
export interface Projection {
  /** Stable: names the checkpoint rows and the Kafka consumer group. */
  readonly name: ProjectionName;
  /**
   * The events of one batch not applied yet, each stream's in version order, all of the stream
   * type the projection reads (`PROJECTION_STREAM_TYPES`: the runner filters them).
   */
  apply(events: readonly EventEnvelope[], tx: EntityManager): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');

/**
 * Every projection the projector runs; the API waits on them and reports their lag. New ones
 * go last: the index is each one's dead-letter partition (`deadLetterPartition`).
 */
export const PROJECTION_NAMES = [
  'cases',
  'custody-board',
  'statistics',
  'people',
  'procedures',
] as const;
export type ProjectionName = (typeof PROJECTION_NAMES)[number];

/**
 * The one kind of stream each projection reads. The others' events pass it by: never applied
 * nor checkpointed (a procedure changes nothing in a case's read model), so that every
 * projection does not pay for every event of the topic, and a read waits only on the
 * projections that read the stream written (`ReadModelFreshness`).
 */
export const PROJECTION_STREAM_TYPES: Readonly<Record<ProjectionName, string>> = {
  cases: CASE_STREAM_TYPE,
  'custody-board': CASE_STREAM_TYPE,
  statistics: CASE_STREAM_TYPE,
  people: CASE_STREAM_TYPE,
  procedures: PROCEDURE_STREAM_TYPE,
};

/** The projections that read a kind of stream. */
export const projectionsOf = (streamType: string): ProjectionName[] =>
  PROJECTION_NAMES.filter((name) => PROJECTION_STREAM_TYPES[name] === streamType);

/** Where the live read models are; queries read here. */
export const READ_MODEL_SCHEMA = 'read_model';
