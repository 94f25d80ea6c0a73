import { DomainEvent } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { EventMetadata, toDomainEvent } from './event-envelope';
import { AppendResult, EventStore, Idempotency } from './event-store';
import { ConcurrencyConflictError, IdempotencyKeyReusedError } from './event-store.errors';

export interface StreamCommand<State, Event extends DomainEvent, Prepared = undefined> {
  readonly streamId: string;
  readonly streamType: string;
  readonly initialState: State;
  readonly evolve: (state: State, event: Event) => State;
  /**
   * Work with effects that the decision depends on (registering a person, sealing their
   * data). It runs on the loaded state, once per command: never for a replayed one.
   */
  readonly prepare?: (state: State) => Promise<Prepared>;
  readonly decide: (state: State, prepared: Prepared) => readonly Event[];
  /** Fields the answer adds to the stream version, kept for replays. */
  readonly answer?: (prepared: Prepared) => Record<string, unknown>;
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

  async execute<State, Event extends DomainEvent, Prepared = undefined>(
    command: StreamCommand<State, Event, Prepared>,
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

    const prepared = (command.prepare ? await command.prepare(state) : undefined) as Prepared;
    const events = command.decide(state, prepared);
    return this.store.append({
      streamId: command.streamId,
      streamType: command.streamType,
      expectedVersion: version,
      events,
      metadata,
      idempotency,
      answer: command.answer?.(prepared),
    });
  }
}
