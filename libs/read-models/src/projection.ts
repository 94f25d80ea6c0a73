import {
  CASE_EVENT_TYPES,
  CASE_STREAM_TYPE,
  CaseEventType,
  JOINT_OPERATION_EVENT_TYPES,
  JOINT_OPERATION_STREAM_TYPE,
  JointOperationEventType,
  PROCEDURE_EVENT_TYPES,
  PROCEDURE_STREAM_TYPE,
  ProcedureEventType,
} from '@app/domain';
import { EventEnvelope } from '@app/event-store';
import { EntityManager } from 'typeorm';

/**
 * A read model fed only by the event topic. `apply` runs inside the transaction that also
 * advances the projection's checkpoints, so it may assume each event arrives exactly once and
 * in stream order; it must not have effects outside that transaction.
 *
 * It names its tables without a schema: the runner points the transaction's search_path at
 * the live read-model schema, or at a fresh one when the projection is being rebuilt.
 */
export interface Projection {
  /** Stable: names the checkpoint rows and the Kafka consumer group. */
  readonly name: ProjectionName;
  /**
   * The events of one batch not applied yet, each stream's in version order, all of the stream
   * type the projection reads (`PROJECTION_STREAM_TYPES`: the runner filters them).
   */
  apply(events: readonly EventEnvelope[], tx: EntityManager): Promise<void>;
}

export const PROJECTIONS = Symbol('PROJECTIONS');

/**
 * Every projection the projector runs; the API waits on them and reports their lag. New ones
 * go last: the index is each one's dead-letter partition (`deadLetterPartition`).
 */
export const PROJECTION_NAMES = [
  'cases',
  'custody-board',
  'statistics',
  'people',
  'procedures',
] as const;
export type ProjectionName = (typeof PROJECTION_NAMES)[number];

/**
 * The one kind of stream each projection reads. The others' events pass it by: never applied
 * nor checkpointed (a procedure changes nothing in a case's read model), so that every
 * projection does not pay for every event of the topic, and a read waits only on the
 * projections that read the stream written (`ReadModelFreshness`).
 */
export const PROJECTION_STREAM_TYPES: Readonly<Record<ProjectionName, string>> = {
  cases: CASE_STREAM_TYPE,
  'custody-board': CASE_STREAM_TYPE,
  statistics: CASE_STREAM_TYPE,
  people: CASE_STREAM_TYPE,
  procedures: PROCEDURE_STREAM_TYPE,
};

/** The projections that read a kind of stream. */
export const projectionsOf = (streamType: string): ProjectionName[] =>
  PROJECTION_NAMES.filter((name) => PROJECTION_STREAM_TYPES[name] === streamType);

/**
 * The tables each projection fills, the ones its queries read. Besides these, a case projection
 * keeps the facts it received in `case_facts` (to refold a case), and every projection advances
 * its checkpoints; projection.spec.ts holds this list to the projections' own.
 */
export const PROJECTION_TABLES: Readonly<Record<ProjectionName, readonly string[]>> = {
  cases: ['cases', 'case_persons'],
  'custody-board': ['custody_held', 'custody_clocks', 'custody_breaches'],
  statistics: ['statistics_cases', 'statistics_persons'],
  people: ['person_cases'],
  procedures: ['procedures'],
};

/** Every event type the domain stores, of any stream. */
export type StoredEventType = CaseEventType | ProcedureEventType | JointOperationEventType;

/** The stream each event type is stored in, from the domain's own lists of its event types. */
const STREAM_TYPE_OF_EVENT: ReadonlyMap<string, string> = new Map([
  ...CASE_EVENT_TYPES.map((type) => [type, CASE_STREAM_TYPE] as const),
  ...PROCEDURE_EVENT_TYPES.map((type) => [type, PROCEDURE_STREAM_TYPE] as const),
  ...JOINT_OPERATION_EVENT_TYPES.map((type) => [type, JOINT_OPERATION_STREAM_TYPE] as const),
]);

/** A read model that an event changes: the projection and the tables it rewrites. */
export interface ChangedReadModel {
  readonly projection: ProjectionName;
  readonly tables: readonly string[];
}

/**
 * Which read models change when an event of `eventType` is stored. Start here from an event:
 * the projections do not list the event types they take. A projection takes every event of the
 * stream type it reads (`PROJECTION_STREAM_TYPES`), whatever its type: the case
 * projections refold the whole case through the domain on any case event (`CaseProjection`) and
 * rewrite that case's rows, and the procedures projection merges the procedure's row. A joint
 * operation's events change no read model: its query (`JointOperationQuery`, in the API) reads
 * them from the store.
 */
export function readModelsChangedBy(eventType: StoredEventType): ChangedReadModel[] {
  const streamType = STREAM_TYPE_OF_EVENT.get(eventType);
  // A misspelt type would otherwise answer "nothing changes".
  if (!streamType) throw new Error(`${eventType} is not an event type the domain stores.`);
  return projectionsOf(streamType).map((projection) => ({
    projection,
    tables: PROJECTION_TABLES[projection],
  }));
}

/** Where the live read models are; queries read here. */
export const READ_MODEL_SCHEMA = 'read_model';
