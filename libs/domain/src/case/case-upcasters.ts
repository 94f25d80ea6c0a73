import { DomainEvent } from '../shared/domain-event';
import { Upcaster, Upcasting } from '../shared/upcasting';
import { SLOVENIA } from '../values/nationality';
import { CASE_EVENT_SCHEMA_VERSIONS, CorrectionRecorded, SuspectArrestedV1Data } from './events';

/**
 * v1 → v2 of `person.suspect-arrested`: v1 left `slovenianCitizen` optional, and an arrest
 * without it counts the suspect as a Slovenian citizen exactly when the nationality is SI (the
 * reading the statistics give an arrest that says nothing). A v1 event that carries the field,
 * as every one this code wrote does, keeps what it says.
 */
export const suspectArrestedV1ToV2: Upcaster = {
  type: 'person.suspect-arrested',
  fromVersion: 1,
  upcast: (data) => {
    const v1 = data as Readonly<SuspectArrestedV1Data & { slovenianCitizen?: unknown }>;
    return {
      ...v1,
      slovenianCitizen:
        typeof v1.slovenianCitizen === 'boolean'
          ? v1.slovenianCitizen
          : v1.nationality === SLOVENIA,
    };
  },
};

/** Every step from an older schema version of a case event to the next. */
export const CASE_UPCASTERS: readonly Upcaster[] = [suspectArrestedV1ToV2];

export const caseEventUpcasting = new Upcasting(CASE_EVENT_SCHEMA_VERSIONS, CASE_UPCASTERS);

/**
 * A stored event as the current code reads it: its data lifted to the current schema version
 * of its type. A correction carries the corrected event's data in the version of the day it
 * was recorded, which it does not state; that data is lifted from v1 (every step leaves data
 * already in its target shape as it is). Use it wherever stored events become domain events.
 */
export function upcastCaseEvent<E extends DomainEvent>(stored: E): E {
  const event = caseEventUpcasting.upcast(stored);
  if (event.type !== 'case.correction-recorded') return event;
  const correction = event as unknown as CorrectionRecorded;
  const { correctedEventType, replacement } = correction.data;
  const data = caseEventUpcasting.lift(correctedEventType, 1, replacement.data);
  if (data === replacement.data) return event;
  return {
    ...event,
    data: { ...correction.data, replacement: { ...replacement, data } },
  };
}
