import { EventEnvelope } from '@app/event-store';
import { EntityManager } from 'typeorm';

/**
 * A read model fed only by the event topic. `apply` runs inside the transaction that also
 * advances the projection's checkpoint, so it may assume each event arrives exactly once and
 * in stream order; it must not have effects outside that transaction.
 */
export interface Projection {
  /** Stable: names the checkpoint rows and the Kafka consumer group. */
  readonly name: string;
  apply(event: EventEnvelope, tx: EntityManager): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');
