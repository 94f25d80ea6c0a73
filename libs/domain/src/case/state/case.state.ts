import { Directorate } from '../../values/directorate';
import { Nationality } from '../../values/nationality';
import { Offence } from '../../values/offence';
import { Appealable, CaseEvent, Safeguard } from '../events';
import { Custody } from './custody';

/** What is on record of one safeguard in the person's current deprivation of liberty. */
export interface SafeguardRecord {
  readonly requestedAt: Date | null;
  /** The first time it was given, and by whom. */
  readonly providedAt: Date | null;
  readonly providedBy: string | null;
  readonly detail: string | null;
  readonly delayed: {
    readonly at: Date;
    readonly reason: string;
    readonly authorisedBy: string;
  } | null;
}

export interface Appeal {
  readonly against: Appealable;
  readonly lodgedAt: Date;
  readonly decidedAt: Date | null;
}

/** A step of the procedure that must have happened before a fact on record. */
export type MissingStep =
  | 'police-detention'
  | 'hearing-before-judge'
  | 'remand-order'
  | 'panel-extension'
  | 'asylum-intent'
  | 'asylum-referral';

export type ProtectionStatus = 'none' | 'intent-expressed' | 'referred' | 'left-reception';

export interface PersonInCase {
  readonly personId: string;
  readonly role: 'suspect' | 'migrant';
  readonly nationality: Nationality;
  /**
   * When the nationality was last established in this case (the time of the fact that gave
   * it): across cases, the person's nationality is the one established last.
   */
  readonly nationalityAt: Date | null;
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
  /**
   * Steps the law puts before facts on record that are not on record themselves: entered late,
   * they leave this list; until then the case shows what is still to be recorded.
   */
  readonly missingOnRecord: readonly MissingStep[];
  /** Appeals against the detention decision or the remand order, each decided within 48 h. */
  readonly appeals: readonly Appeal[];
  readonly protection: ProtectionStatus;
  /** The latest protection act. */
  readonly protectionSince: Date | null;
  readonly asylumIntents: number;
  /** The earliest indictment naming the person: whether they are indicted depends on when. */
  readonly indictedAt: Date | null;
  /** Safeguards on record since the person was last deprived of liberty. */
  readonly safeguards: Readonly<Partial<Record<Safeguard, SafeguardRecord>>>;
  /** Where the person is held, when recorded, in the current deprivation of liberty. */
  readonly detentionPlace: string | null;
  /** The court that last acted on the person's custody (the judge, remand, an appeal). */
  readonly court: string | null;
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
  /** The latest time of any fact on record: a closure cannot predate it. */
  readonly lastActAt: Date;
  /** Every entry as stored, so that a late fact, a correction or a withdrawal can refold it. */
  readonly history: readonly CaseEvent[];
}

export type CaseState = { readonly status: 'none' } | CaseFile;

export const initialCaseState: CaseState = { status: 'none' };
