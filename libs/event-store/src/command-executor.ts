import { DomainEvent } from '@app/domain';
import { Injectable } from '@nestjs/common';
import { EventMetadata, toDomainEvent } from './event-envelope';
import { AppendResult, EventStore, Idempotency, Transaction } from './event-store';
import { ConcurrencyConflictError, IdempotencyKeyReusedError } from './event-store.errors';
import { KeptStates } from './kept-states';

/**
 * How many events the kept states may hold together: a kept case holds its whole history (the
 * domain judges a new fact against it), so this bounds the memory the API gives them. Enough
 * for a few joint operations' cases of thousands of events, or a shift's worth of short ones.
 */
const KEPT_EVENTS = 10_000;

export interface StreamCommand<State, Event extends DomainEvent, Prepared = undefined> {
  readonly streamId: string;
  readonly streamType: string;
  /**
   * The state the stream's events make, folded at once: a case orders its facts by when they
   * happened, so folding event by event would refold it at every late one.
   */
  readonly fold: (events: readonly Event[]) => State;
  /**
   * Given, the stream's state is kept between commands and only the events after it are read
   * and folded into it, one by one: a long stream (a joint operation with hundreds of people)
   * costs a command no more than a short one. `evolve` over a kept state must make what `fold`
   * makes of the whole stream; each stream type that gives one has a test that says so.
   */
  readonly evolve?: (state: State, event: Event) => State;
  /**
   * May the caller act on this stream? Checked first, before the version or the decision,
   * so that a refusal tells nothing about the stream.
   */
  readonly authorize?: (state: State) => void;
  /**
   * Writes the decision depends on (registering a person, sealing their data). They run in
   * the transaction of the append, on the loaded state, and never for a replayed command.
   */
  readonly prepare?: (state: State, tx: Transaction) => Promise<Prepared>;
  readonly decide: (state: State, prepared: Prepared) => readonly Event[];
  /** Fields the answer adds to the stream version, kept for replays. */
  readonly answer?: (prepared: Prepared) => Record<string, unknown>;
  /** The version the client last saw (If-Match); checked before deciding when given. */
  readonly expectedVersion?: number;
  readonly metadata: EventMetadata;
  readonly idempotency?: Idempotency;
}

/** New streams opened together by one command, e.g. one procedure per person of a group. */
export interface NewStreamsCommand<Event extends DomainEvent, Prepared = undefined> {
  readonly streamType: string;
  /** Writes the decision depends on, in the transaction of the appends (see StreamCommand). */
  readonly prepare?: (tx: Transaction) => Promise<Prepared>;
  /** The streams to start, each with its events; all are appended or none. */
  readonly decide: (
    prepared: Prepared,
  ) => readonly { readonly streamId: string; readonly events: readonly Event[] }[];
  /** The answer to the command, kept for replays: it is all the caller learns of the streams. */
  readonly answer: (prepared: Prepared) => Record<string, unknown>;
  readonly metadata: EventMetadata;
  readonly idempotency?: Idempotency;
}

/**
 * Load, decide, append: the whole of what a command handler does.
 * The decision is made on the version read here, and that version is what the append
 * expects, so a concurrent writer in between makes this append fail rather than overwrite.
 * A plain command is one statement; one with an idempotency key or with writes of its own
 * runs in a transaction, so that retries queue behind the first attempt and nothing of a
 * refused command stays behind.
 */
@Injectable()
export class CommandExecutor {
  private readonly kept = new KeptStates(KEPT_EVENTS);

  constructor(private readonly store: EventStore) {}

  async execute<State, Event extends DomainEvent, Prepared = undefined>(
    command: StreamCommand<State, Event, Prepared>,
  ): Promise<AppendResult> {
    const { idempotency, metadata } = command;
    if (!idempotency && !command.prepare) return this.decideAndAppend(command);
    return this.store.transaction(
      async (tx) =>
        (await this.priorResult(metadata, idempotency, tx)) ?? this.decideAndAppend(command, tx),
    );
  }

  /**
   * Starts several streams in one transaction, their events in one statement: a stream id that
   * exists already fails the whole command.
   */
  async startStreams<Event extends DomainEvent, Prepared = undefined>(
    command: NewStreamsCommand<Event, Prepared>,
  ): Promise<AppendResult> {
    const { idempotency, metadata } = command;
    return this.store.transaction(async (tx) => {
      const prior = await this.priorResult(metadata, idempotency, tx);
      if (prior) return prior;
      const prepared = (command.prepare ? await command.prepare(tx) : undefined) as Prepared;
      return this.store.appendNewStreams(
        {
          streamType: command.streamType,
          streams: command.decide(prepared),
          metadata,
          idempotency,
          answer: command.answer(prepared),
        },
        tx,
      );
    });
  }

  /** The first answer to a command retried with the same idempotency key, if any. */
  private async priorResult(
    metadata: EventMetadata,
    idempotency: Idempotency | undefined,
    tx: Transaction,
  ): Promise<AppendResult | null> {
    if (!idempotency) return null;
    await this.store.lockIdempotencyKey(metadata.actorId, idempotency.key, tx);
    const prior = await this.store.findCommandResult(metadata.actorId, idempotency.key, tx);
    if (!prior) return null;
    if (prior.requestHash !== idempotency.requestHash) {
      throw new IdempotencyKeyReusedError(idempotency.key);
    }
    return prior.result;
  }

  private async decideAndAppend<State, Event extends DomainEvent, Prepared>(
    command: StreamCommand<State, Event, Prepared>,
    tx?: Transaction,
  ): Promise<AppendResult> {
    const { version, state } = await this.load(command, tx);
    command.authorize?.(state);
    if (command.expectedVersion !== undefined && command.expectedVersion !== version) {
      throw new ConcurrencyConflictError(command.streamId, command.expectedVersion, version);
    }

    const prepared = (
      command.prepare && tx ? await command.prepare(state, tx) : undefined
    ) as Prepared;
    const events = command.decide(state, prepared);
    try {
      return await this.store.append(
        {
          streamId: command.streamId,
          streamType: command.streamType,
          expectedVersion: version,
          events,
          metadata: command.metadata,
          idempotency: command.idempotency,
          answer: command.answer?.(prepared),
        },
        tx,
      );
    } catch (error) {
      // The store may not be what the kept state says (restored from a backup, say): the next
      // command on the stream folds it whole.
      this.kept.forget(keptKey(command));
      throw error;
    }
  }

  /** The stream's state and version: folded whole, or the kept state with what came after it. */
  private async load<State, Event extends DomainEvent, Prepared>(
    command: StreamCommand<State, Event, Prepared>,
    tx?: Transaction,
  ): Promise<{ version: number; state: State }> {
    const { evolve, streamId } = command;
    const kept = evolve ? this.kept.get(keptKey(command)) : undefined;
    const after = await this.store.readStream(streamId, tx, kept?.version ?? 0);
    const events = after.map((envelope) => toDomainEvent<Event>(envelope));
    const version = after.length > 0 ? after[after.length - 1].streamVersion : (kept?.version ?? 0);
    const state = kept ? events.reduce(evolve!, kept.state as State) : command.fold(events);
    if (evolve && version > 0) this.kept.keep(keptKey(command), { version, state });
    return { version, state };
  }
}

const keptKey = (command: { streamType: string; streamId: string }) =>
  `${command.streamType}:${command.streamId}`;
