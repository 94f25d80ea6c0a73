import {
  BroughtBeforeInvestigatingJudge,
  DetentionDecisionIssued,
  HandedOverToForeignAuthorities,
  PoliceDetentionStarted,
  ReleasedFromCustody,
  RemandExtended,
  RemandOrderServed,
  RemandOrdered,
} from './custody.events';
import {
  CaseClosed,
  CaseDetailsAmended,
  CaseOpened,
  CaseReferredToProsecution,
  CorrectionRecorded,
  CriminalComplaintFiled,
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

export type CaseEvent =
  | CaseOpened
  | CaseDetailsAmended
  | JointOperationLinked
  | CriminalComplaintFiled
  | CaseReferredToProsecution
  | IndictmentFiled
  | CaseClosed
  | CorrectionRecorded
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
  | HandedOverToForeignAuthorities
  | AsylumIntentExpressed
  | ReferredToAsylumCentre
  | LeftReceptionBeforeLodging;

/** Every stable event type name of the case stream. Add, never rename. */
export type CaseEventType = CaseEvent['type'];

export const CASE_STREAM_TYPE = 'case';

/** Builds an event of the current schema version. */
export function caseEvent<E extends CaseEvent>(
  type: E['type'],
  occurredAt: Date,
  data: E['data'],
): E {
  return { type, schemaVersion: 1, occurredAt, data } as E;
}
