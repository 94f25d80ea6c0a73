import {
  AppealDecided,
  AppealLodged,
  BroughtBeforeInvestigatingJudge,
  DetentionDecisionIssued,
  HandedOverToForeignAuthorities,
  PoliceDetentionStarted,
  ReleasedFromCustody,
  RemandExtended,
  RemandOrderServed,
  RemandOrdered,
  SafeguardDelayed,
  SafeguardProvided,
  SafeguardRequested,
  DetentionPlaceRecorded,
} from './custody.events';
import {
  CaseClosed,
  CaseDetailsAmended,
  CaseOpened,
  CaseReferredToProsecution,
  CorrectionRecorded,
  CriminalComplaintFiled,
  EntryWithdrawn,
  IndictmentFiled,
  JointOperationLinked,
} from './lifecycle.events';
import { IdentityEstablished, MigrantApprehended, SuspectArrested } from './people.events';
import {
  AsylumIntentExpressed,
  LeftReceptionBeforeLodging,
  ReferredToAsylumCentre,
} from './protection.events';

export * from './custody.events';
export * from './lifecycle.events';
export * from './people.events';
export * from './protection.events';

/**
 * Every fact of a case stream; each case use case's decision returns some of them. Which read
 * models each one changes: `readModelsChangedBy` in libs/read-models/src/projection.ts (named,
 * not imported: the domain imports nothing outside itself).
 */
export type CaseEvent =
  | CaseOpened
  | CaseDetailsAmended
  | JointOperationLinked
  | CriminalComplaintFiled
  | CaseReferredToProsecution
  | IndictmentFiled
  | CaseClosed
  | CorrectionRecorded
  | EntryWithdrawn
  | SuspectArrested
  | MigrantApprehended
  | IdentityEstablished
  | PoliceDetentionStarted
  | DetentionDecisionIssued
  | BroughtBeforeInvestigatingJudge
  | RemandOrdered
  | RemandOrderServed
  | RemandExtended
  | ReleasedFromCustody
  | AppealLodged
  | AppealDecided
  | HandedOverToForeignAuthorities
  | SafeguardRequested
  | SafeguardProvided
  | SafeguardDelayed
  | DetentionPlaceRecorded
  | AsylumIntentExpressed
  | ReferredToAsylumCentre
  | LeftReceptionBeforeLodging;

/** Every stable event type name of the case stream. Add, never rename. */
export type CaseEventType = CaseEvent['type'];

export const CASE_STREAM_TYPE = 'case';

/**
 * The schema version each event type is written in now. Raise one only with an upcaster from
 * the version before (`case/case-upcasters.ts`) and a line in the README's event catalogue:
 * stored events are never rewritten, older ones are lifted when read.
 */
export const CASE_EVENT_SCHEMA_VERSIONS: Readonly<Record<CaseEventType, number>> = {
  'case.opened': 1,
  'case.details-amended': 1,
  'case.joint-operation-linked': 1,
  'case.criminal-complaint-filed': 1,
  'case.referred-to-prosecution': 1,
  'case.indictment-filed': 1,
  'case.closed': 1,
  'case.correction-recorded': 1,
  'case.entry-withdrawn': 1,
  // v2 records citizenship apart from nationality (a dual national).
  'person.suspect-arrested': 2,
  'person.migrant-apprehended': 1,
  'person.identity-established': 1,
  'custody.police-detention-started': 1,
  'custody.detention-decision-issued': 1,
  'custody.brought-before-judge': 1,
  'custody.remand-ordered': 1,
  'custody.remand-order-served': 1,
  'custody.remand-extended': 1,
  'custody.released': 1,
  'custody.appeal-lodged': 1,
  'custody.appeal-decided': 1,
  'custody.handed-over': 1,
  'custody.safeguard-requested': 1,
  'custody.safeguard-provided': 1,
  'custody.safeguard-delayed': 1,
  'custody.detention-place-recorded': 1,
  'protection.asylum-intent-expressed': 1,
  'protection.referred-to-asylum-centre': 1,
  'protection.left-reception': 1,
};

/** Every event type of the case stream, e.g. to check a filter. */
export const CASE_EVENT_TYPES = Object.keys(CASE_EVENT_SCHEMA_VERSIONS) as CaseEventType[];

/** Builds an event of the current schema version. */
export function caseEvent<E extends CaseEvent>(
  type: E['type'],
  occurredAt: Date,
  data: E['data'],
): E {
  return { type, schemaVersion: CASE_EVENT_SCHEMA_VERSIONS[type], occurredAt, data } as E;
}
