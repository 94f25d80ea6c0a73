import { EntityManager } from 'typeorm';
import { EventEnvelope, EventMetadata } from './event-envelope';

/** A database transaction that several writes share (the store's, a register's). */
export type Transaction = EntityManager;

export interface NewEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly occurredAt: Date;
  readonly data: unknown;
}

export interface Idempotency {
  readonly key: string;
  /** Hash of the request as the client sent it; a retry must match it. */
  readonly requestHash: string;
}

export interface AppendRequest {
  readonly streamId: string;
  readonly streamType: string;
  /** The version the decision was made on; 0 for a new stream. */
  readonly expectedVersion: number;
  readonly events: readonly NewEvent[];
  readonly metadata: EventMetadata;
  readonly idempotency?: Idempotency;
  /** Extra fields of the command's answer, kept with it so that a replay answers the same. */
  readonly answer?: Readonly<Record<string, unknown>>;
}

/** Streams started together, each at version 1; all are stored or none. */
export interface NewStreamsRequest {
  readonly streamType: string;
  readonly streams: readonly { readonly streamId: string; readonly events: readonly NewEvent[] }[];
  readonly metadata: EventMetadata;
  readonly idempotency?: Idempotency;
  readonly answer?: Readonly<Record<string, unknown>>;
}

export interface AppendResult {
  readonly streamId: string;
  /** The stream's version after the append. */
  readonly version: number;
  /** Global position of the last event appended. */
  readonly position: string;
  readonly answer?: Readonly<Record<string, unknown>>;
}

export interface StoredCommandResult {
  readonly requestHash: string;
  readonly result: AppendResult;
}

/** Port of the write side's source of truth. Every method runs in `tx` when one is given. */
export abstract class EventStore {
  /** Every event of a stream in version order, or those after `afterVersion`. */
  abstract readStream(
    streamId: string,
    tx?: Transaction,
    afterVersion?: number,
  ): Promise<EventEnvelope[]>;

  /**
   * Appends atomically with the publication record, and the command result when an
   * idempotency key is given. Throws ConcurrencyConflictError when the stream is not
   * at `expectedVersion`. Returns the first answer when the key was already used.
   */
  abstract append(request: AppendRequest, tx?: Transaction): Promise<AppendResult>;

  /**
   * Starts several streams in one statement, with their publication records and the command
   * result. Throws ConcurrencyConflictError when a stream exists already; returns the first
   * answer when the idempotency key was already used. The result names the last stream.
   */
  abstract appendNewStreams(request: NewStreamsRequest, tx?: Transaction): Promise<AppendResult>;

  abstract findCommandResult(
    actorId: string,
    key: string,
    tx?: Transaction,
  ): Promise<StoredCommandResult | null>;

  /** Runs `work` in one transaction: everything it writes commits together or not at all. */
  abstract transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;

  /**
   * Holds, until `tx` ends, a lock on an actor's idempotency key, so that concurrent retries
   * of one command run one after the other and the later ones find the first answer.
   */
  abstract lockIdempotencyKey(actorId: string, key: string, tx: Transaction): Promise<void>;
}
