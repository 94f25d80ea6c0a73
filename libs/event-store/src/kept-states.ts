/** A stream's state as its events up to `version` make it. */
export interface KeptState {
  readonly version: number;
  readonly state: unknown;
}

/**
 * The states of the streams commands were last decided on, the least recently used dropped
 * past `capacity`. A kept state is only ever a starting point: the command still reads every
 * event after its version, in its own transaction, and the append still expects the version it
 * decided on, so a stale or lost entry costs a longer read, never a wrong decision. States are
 * immutable (the domain never changes one), so one may be shared by commands in flight.
 */
export class KeptStates {
  private readonly states = new Map<string, KeptState>();

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
    if (this.capacity === 0) return;
    const current = this.states.get(streamId);
    if (current && current.version > kept.version) return;
    this.states.delete(streamId);
    this.states.set(streamId, kept);
    if (this.states.size > this.capacity) {
      this.states.delete(this.states.keys().next().value!);
    }
  }

  forget(streamId: string): void {
    this.states.delete(streamId);
  }

  get size(): number {
    return this.states.size;
  }
}
