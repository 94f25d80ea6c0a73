/**
 * A fact decided by the domain, before the event store wraps it in an envelope.
 * `type` is the stable name stored and published (never a class name);
 * `occurredAt` is when it happened in the world, which legal clocks run from.
 * Data is JSON-native: instants inside `data` are ISO-8601 strings.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly schemaVersion: number;
  readonly occurredAt: Date;
  readonly data: Data;
  /** Assigned by the event store; present on events read back from it. */
  readonly eventId?: string;
}
