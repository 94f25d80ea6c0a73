import { Directorate, NeighbouringCountry, ReferralDestination } from '@app/domain';
import { Body } from './plan';
import { ProcedureSection } from './places';
import { Rng } from './random';

// Drafts of the police procedures with foreigners: who, and what happened when.

export interface ForeignerDraft {
  readonly nationality: string | null;
  readonly minor: boolean;
  identity?: Body;
  /** The procedure before, of someone who left the asylum home and is caught again. */
  readonly previous?: ForeignerDraft;
  /** The joint operation's: the migrant of the case the procedure is linked to. */
  readonly caseMigrantKey?: string;
  detainedAt?: number;
  intent?: { at: number; statement: string };
  referral?: { at: number; destination: ReferralDestination };
  handover?: { at: number; country: NeighbouringCountry; authority: string };
  release?: { at: number; reason: string };
  /** The departure from the asylum home it was referred to. */
  leftAt?: number;
  /** The procedure's key, once its group is numbered. */
  key?: string;
  groupKey?: string;
}

export interface ForeignerGroupDraft {
  readonly at: number;
  readonly directorate: Directorate;
  readonly section: ProcedureSection;
  readonly place: string;
  readonly caseKey?: string;
  readonly jointOperation?: string;
  readonly persons: ForeignerDraft[];
}

/** What the procedures draw on: their own randomness, and the documents issued so far. */
export interface ProcedureWriter {
  readonly rng: Rng;
  readonly documents: Set<string>;
}
