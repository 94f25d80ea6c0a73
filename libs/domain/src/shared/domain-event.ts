/**
 * A fact decided by the domain, before the event store wraps it in an envelope.
 * `type` is the stable name stored and published (never a class name);
 * `occurredAt` is when it happened in the world, which legal clocks run from.
 */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly schemaVersion: number;
  readonly occurredAt: Date;
  readonly data: Data;
}
