/** A stream's state as its events up to `version` make it. */
export interface KeptState {
  readonly version: number;
  readonly state: unknown;
}

/**
 * The states of the streams commands were last decided on, the least recently used dropped
 * once they hold more than `capacity` events together (a state holds as many as its version
 * says: a case keeps its whole history). A kept state is only ever a starting point: the
 * command still reads every event after its version, in its own transaction, and the append
 * still expects the version it decided on, so a stale or lost entry costs a longer read, never
 * a wrong decision. States are immutable (the domain never changes one), so one may be shared
 * by commands in flight.
 */
export class KeptStates {
  private readonly states = new Map<string, KeptState>();
  private events = 0;

  constructor(private readonly capacity: number) {}

  get(streamId: string): KeptState | undefined {
    const kept = this.states.get(streamId);
    if (kept) {
      // Map keeps insertion order: moved to the end, it is the most recently used.
      this.states.delete(streamId);
      this.states.set(streamId, kept);
    }
    return kept;
  }

  /** Keeps the state unless one of a later version is kept already (a command that read later). */
  keep(streamId: string, kept: KeptState): void {
    const current = this.states.get(streamId);
    if (current && current.version > kept.version) return;
    this.forget(streamId);
    if (kept.version > this.capacity) return;
    this.states.set(streamId, kept);
    this.events += kept.version;
    for (const [oldest, { version }] of this.states) {
      if (this.events <= this.capacity) break;
      this.states.delete(oldest);
      this.events -= version;
    }
  }

  forget(streamId: string): void {
    const kept = this.states.get(streamId);
    if (!kept) return;
    this.states.delete(streamId);
    this.events -= kept.version;
  }

  /** The streams kept, and their events together. */
  get size(): { streams: number; events: number } {
    return { streams: this.states.size, events: this.events };
  }
}
