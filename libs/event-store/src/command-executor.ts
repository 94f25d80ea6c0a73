import { DomainEvent } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { EventMetadata, toDomainEvent } from './event-envelope';
import { AppendResult, EventStore, Idempotency } from './event-store';
import { ConcurrencyConflictError, IdempotencyKeyReusedError } from './event-store.errors';

export interface StreamCommand<State, Event extends DomainEvent> {
  readonly streamId: string;
  readonly streamType: string;
  readonly initialState: State;
  readonly evolve: (state: State, event: Event) => State;
  readonly decide: (state: State) => readonly Event[];
  /** The version the client last saw (If-Match); checked before deciding when given. */
  readonly expectedVersion?: number;
  readonly metadata: EventMetadata;
  readonly idempotency?: Idempotency;
}

/**
 * Load, decide, append: the whole of what a command handler does.
 * The decision is made on the version read here, and that version is what the append
 * expects, so a concurrent writer in between makes this append fail rather than overwrite.
 */
@Injectable()
export class CommandExecutor {
  constructor(private readonly store: EventStore) {}

  async execute<State, Event extends DomainEvent>(
    command: StreamCommand<State, Event>,
  ): Promise<AppendResult> {
    const { idempotency, metadata } = command;
    if (idempotency) {
      const prior = await this.store.findCommandResult(metadata.actorId, idempotency.key);
      if (prior) {
        if (prior.requestHash !== idempotency.requestHash) {
          throw new IdempotencyKeyReusedError(idempotency.key);
        }
        return prior.result;
      }
    }

    const history = await this.store.readStream(command.streamId);
    const version = history.length === 0 ? 0 : history[history.length - 1].streamVersion;
    if (command.expectedVersion !== undefined && command.expectedVersion !== version) {
      throw new ConcurrencyConflictError(command.streamId, command.expectedVersion, version);
    }
    const state = history
      .map((envelope) => toDomainEvent<Event>(envelope))
      .reduce(command.evolve, command.initialState);

    const events = command.decide(state);
    return this.store.append({
      streamId: command.streamId,
      streamType: command.streamType,
      expectedVersion: version,
      events,
      metadata,
      idempotency,
    });
  }
}
