import { Directorate } from '../../values/directorate';
import { Nationality } from '../../values/nationality';
import { Offence } from '../../values/offence';
import { CaseEvent } from '../events';
import { Custody } from './custody';

export type ProtectionStatus = 'none' | 'intent-expressed' | 'referred' | 'left-reception';

export interface PersonInCase {
  readonly personId: string;
  readonly role: 'suspect' | 'migrant';
  readonly nationality: Nationality;
  readonly slovenianCitizen: boolean;
  readonly minor: boolean;
  /** When the person was first arrested or apprehended in this case. */
  readonly recordedAt: Date;
  readonly apprehensions: number;
  readonly custody: Custody;
  /**
   * Months of remand ordered in earlier remands of the person in this case (each ended by a
   * release): the ceilings on remand apply to the total.
   */
  readonly remandMonthsBefore: number;
  /** The latest arrest or custody act: the next one cannot predate it. */
  readonly lastCustodyActAt: Date | null;
  readonly protection: ProtectionStatus;
  /** The latest protection act: the next one cannot predate it. */
  readonly protectionSince: Date | null;
  readonly asylumIntents: number;
  /** The earliest indictment naming the person: whether they are indicted depends on when. */
  readonly indictedAt: Date | null;
}

export interface CaseFile {
  readonly status: 'open' | 'closed';
  readonly caseId: string;
  readonly directorate: Directorate;
  readonly borderSection: string;
  readonly offence: Offence;
  readonly summary: string;
  readonly openedAt: Date;
  readonly jointOperations: readonly string[];
  readonly complaintReferences: readonly string[];
  /** The earliest criminal complaint, whatever order the complaints were recorded in. */
  readonly complaintFiledAt: Date | null;
  readonly referredAt: Date | null;
  readonly indictmentReferences: readonly string[];
  readonly closedAt: Date | null;
  readonly persons: Readonly<Record<string, PersonInCase>>;
  /** The latest time of any fact recorded: a closure cannot predate it. */
  readonly lastActAt: Date;
  /** Every event as stored, so that a correction can rebuild the file from corrected facts. */
  readonly history: readonly CaseEvent[];
}

export type CaseState = { readonly status: 'none' } | CaseFile;

export const initialCaseState: CaseState = { status: 'none' };
