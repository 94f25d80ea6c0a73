import { DomainEvent } from '../shared/domain-event';
import { Directorate } from './directorate';
import { Offence } from './offence';

/** Stable event type names of the case stream. Renaming one breaks history: add, never rename. */
export const CaseEventType = {
  CaseOpened: 'case.opened',
} as const;

export type CaseOpened = DomainEvent<
  typeof CaseEventType.CaseOpened,
  {
    caseId: string;
    directorate: Directorate;
    borderSection: string;
    offence: Offence;
    summary: string;
  }
>;

export type CaseEvent = CaseOpened;

export const CASE_STREAM_TYPE = 'case';
