/*
 * A case as a case projection sees it, built from domain events, for the unit tests of the
 * projections' rows: the events are published as the store would, then folded by the domain.
 */
import { CASE_STREAM_TYPE, CaseEvent, foldHistory } from '@app/domain';
import { EventEnvelope, toDomainEvent } from '@app/event-store';
import { ProjectedCase } from '../case-projection';

/** The officer whose command opened the case: its responsible officer. */
export const OFFICER = 'c0ffee00-0000-4000-8000-000000000001';

/** When the store recorded a case's first event; it records each later one a second after. */
export const RECORDED_FROM = new Date('2024-03-16T06:00:00Z');

/** When the store recorded a case's event of `version`. */
export const recordedAt = (version: number) =>
  new Date(RECORDED_FROM.getTime() + (version - 1) * 1000).toISOString();

/** One case's events as the store publishes them, versions in the order given. */
export function caseEnvelopes(events: readonly CaseEvent[]): EventEnvelope[] {
  return events.map((event, i) => ({
    type: event.type,
    schemaVersion: event.schemaVersion,
    eventId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    streamId: event.data.caseId,
    streamType: CASE_STREAM_TYPE,
    streamVersion: i + 1,
    position: String(100 + i),
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: recordedAt(i + 1),
    data: event.data,
    metadata: {
      actorId: OFFICER,
      role: 'investigator',
      directorate: 'novo-mesto',
      correlationId: `correlation-${i + 1}`,
      causationId: `command-${i + 1}`,
      commandId: `command-${i + 1}`,
      idempotencyKey: null,
    },
    hash: '',
  }));
}

/** The case once a case projection has applied `events`, all of one case, in order. */
export function projectedCase(events: readonly CaseEvent[]): ProjectedCase {
  const envelopes = caseEnvelopes(events);
  const file = foldHistory(envelopes.map((e) => toDomainEvent<CaseEvent>(e)));
  if (file.status === 'none') throw new Error('the events open no case');
  return {
    file,
    last: envelopes[envelopes.length - 1],
    openedBy: envelopes[0].metadata.actorId,
  };
}

/** A table's rows have no order: compared sorted by person. */
export const byPerson = <R extends { person_id: string }>(rows: readonly R[]): R[] =>
  [...rows].sort((a, b) => a.person_id.localeCompare(b.person_id));
