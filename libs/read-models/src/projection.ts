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
  /** The events of one batch not applied yet, each stream's in version order. */
  apply(events: readonly EventEnvelope[], tx: EntityManager): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');

/** Every projection the projector runs; the API waits on them and reports their lag. */
export const PROJECTION_NAMES = ['cases', 'custody-board', 'statistics', 'people'] as const;
export type ProjectionName = (typeof PROJECTION_NAMES)[number];

/** Where the live read models are; queries read here. */
export const READ_MODEL_SCHEMA = 'read_model';
