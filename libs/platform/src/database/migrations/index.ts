import { EventStore1732262400000 } from './1732262400000-event-store';
import { ReadModels1732262400001 } from './1732262400001-read-models';

/** Every schema change, in order. Explicit, never a glob: a bundler or a rename cannot lose one. */
export const MIGRATIONS = [EventStore1732262400000, ReadModels1732262400001];
