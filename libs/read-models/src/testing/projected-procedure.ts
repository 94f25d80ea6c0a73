/*
 * A procedure as the procedures projection sees it, built from domain events, for the unit tests
 * of the projection's rows: the events are published as the store would, and the row the domain's
 * own fold implies is what the projection's merged rows are held against.
 */
import { PROCEDURE_STREAM_TYPE, ProcedureEvent, foldProcedure } from '@app/domain';
import { EventEnvelope, toDomainEvent } from '@app/event-store';

/**
 * When the store recorded a procedure's first event, after every fact of the tests; it records
 * each later one a second after.
 */
export const RECORDED_FROM = new Date('2024-03-18T12:00:00Z');

/** One procedure's events as the store publishes them, versions in the order they were entered. */
export function procedureEnvelopes(entered: readonly ProcedureEvent[]): EventEnvelope[] {
  return entered.map((event, i) => ({
    type: event.type,
    schemaVersion: event.schemaVersion,
    eventId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    streamId: event.data.procedureId,
    streamType: PROCEDURE_STREAM_TYPE,
    streamVersion: i + 1,
    position: String(100 + i),
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: new Date(RECORDED_FROM.getTime() + i * 1000).toISOString(),
    data: event.data,
    metadata: {} as EventEnvelope['metadata'],
    hash: '',
  }));
}

/**
 * What the domain's own fold says of the procedure, as the row's columns (but nationality_at,
 * which only the projection keeps): written apart from the projection, so that the two can
 * disagree.
 */
export function foldedProcedureRow(stream: readonly EventEnvelope[]) {
  const state = foldProcedure(stream.map((e) => toDomainEvent<ProcedureEvent>(e)));
  if (state.status === 'none') throw new Error('not opened');
  const last = stream[stream.length - 1];
  return {
    procedure_id: state.procedureId,
    person_id: state.personId,
    group_id: state.groupId,
    directorate: state.directorate,
    border_section: state.borderSection,
    came_from: state.cameFrom,
    place: state.place,
    apprehended_at: state.apprehendedAt,
    nationality: state.nationality,
    minor: state.minor,
    case_id: state.caseId,
    joint_operation: state.jointOperation,
    border_detention_at: state.borderDetentionAt,
    intent_at: state.intentAt,
    referral_destination: state.referral?.destination ?? null,
    referred_at: state.referral?.at ?? null,
    handed_over_at: state.handedOverAt,
    released_at: state.releasedAt,
    left_asylum_home_at: state.leftAsylumHome?.at ?? null,
    version: last.streamVersion,
    last_position: last.position,
    updated_at: last.recordedAt,
  };
}
