import { DomainEvent, upcastCaseEvent } from '@app/domain';

/** Who did what, and why: stored with every event and carried on Kafka. */
export interface EventMetadata {
  readonly actorId: string;
  readonly role: string;
  readonly directorate: string | null;
  /** Follows one user action across commands, events and services. */
  readonly correlationId: string;
  /** The command (or event) that caused this event. */
  readonly causationId: string;
  readonly commandId: string;
  readonly idempotencyKey: string | null;
}

/**
 * The event as stored and as published. The field names are a public contract:
 * projections, auditors and external consumers read them.
 */
export interface EventEnvelope<Data = unknown> {
  readonly type: string;
  readonly schemaVersion: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly streamType: string;
  readonly streamVersion: number;
  /** Global position in the store; a string because it is a Postgres bigint. */
  readonly position: string;
  /** ISO-8601: when it happened in the world. */
  readonly occurredAt: string;
  /** ISO-8601: when the store recorded it. */
  readonly recordedAt: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /**
   * Hex SHA-256 linking this event to its stream's previous one (the stored hash chain).
   * Published with the event, so that the topic holds a copy the store must still match.
   */
  readonly hash: string;
}

/**
 * The stored event as the domain reads it: data in an older schema version is lifted to the
 * current one by the domain's upcasters (the stored event itself is never rewritten).
 */
export function toDomainEvent<E extends DomainEvent>(envelope: EventEnvelope): E {
  return upcastCaseEvent({
    type: envelope.type,
    schemaVersion: envelope.schemaVersion,
    occurredAt: new Date(envelope.occurredAt),
    data: envelope.data,
    eventId: envelope.eventId,
  } as E);
}
