import { DomainEvent } from '../../shared/domain-event';
import { Directorate } from '../../values/directorate';
import { Offence } from '../../values/offence';

export type CaseOpened = DomainEvent<
  'case.opened',
  {
    caseId: string;
    directorate: Directorate;
    borderSection: string;
    offence: Offence;
    summary: string;
  }
>;

export type CaseDetailsAmended = DomainEvent<
  'case.details-amended',
  {
    caseId: string;
    /** Only what changed. */
    changes: { borderSection?: string; offence?: Offence; summary?: string };
  }
>;

export const PARTNER_COUNTRIES = ['HR', 'HU', 'AT', 'IT'] as const;
export const JOINT_OPERATION_KINDS = ['mixed-patrol', 'joint-control', 'other'] as const;

export type JointOperationLinked = DomainEvent<
  'case.joint-operation-linked',
  {
    caseId: string;
    operation: {
      code: string;
      name: string;
      partnerCountry: (typeof PARTNER_COUNTRIES)[number];
      kind: (typeof JOINT_OPERATION_KINDS)[number];
      /** ISO-8601 instants bounding the operation. */
      from: string;
      to: string;
    };
  }
>;

export type CriminalComplaintFiled = DomainEvent<
  'case.criminal-complaint-filed',
  { caseId: string; prosecutorOffice: string; reference: string; suspectIds: string[] }
>;

export type CaseReferredToProsecution = DomainEvent<
  'case.referred-to-prosecution',
  { caseId: string; prosecutorOffice: string }
>;

export type IndictmentFiled = DomainEvent<
  'case.indictment-filed',
  { caseId: string; court: string; reference: string; defendantIds: string[] }
>;

export const CLOSURE_REASONS = [
  'prosecution-completed',
  'perpetrator-unknown',
  'no-offence',
  'transferred',
  'other',
] as const;

export type CaseClosed = DomainEvent<
  'case.closed',
  { caseId: string; reason: (typeof CLOSURE_REASONS)[number]; note: string | null }
>;

/**
 * Events are never edited. A correction names the event it corrects, says why, and carries
 * the corrected time and data in full; the state is rebuilt as if the event had said so.
 */
export type CorrectionRecorded = DomainEvent<
  'case.correction-recorded',
  {
    caseId: string;
    correctedEventId: string;
    correctedEventType: string;
    reason: string;
    replacement: { occurredAt: string; data: Record<string, unknown> };
  }
>;

/**
 * An entry made in error, withdrawn: a new fact naming the entry and why, never a delete. Every
 * fold ignores the withdrawn entry from then on; withdrawing a withdrawal reinstates the entry.
 */
export type EntryWithdrawn = DomainEvent<
  'case.entry-withdrawn',
  { caseId: string; withdrawnEventId: string; withdrawnEventType: string; reason: string }
>;
