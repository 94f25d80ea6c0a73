import { CUSTODY_RULES, CustodyRules } from '../../shared/rules';
import { addHours, addMonths } from '../../shared/time';

/** Where a person stands in criminal custody within one case. */
export type Custody =
  | { readonly phase: 'free' }
  | { readonly phase: 'arrested'; readonly deprivedAt: Date }
  | {
      readonly phase: 'police-detention';
      readonly deprivedAt: Date;
      readonly detainedAt: Date;
      readonly decisionIssuedAt: Date | null;
    }
  | { readonly phase: 'before-judge'; readonly deprivedAt: Date; readonly broughtAt: Date }
  | {
      readonly phase: 'remand';
      /** The deprivation of liberty that led to this remand: the remand counts from it. */
      readonly deprivedAt: Date;
      readonly orderedAt: Date;
      /** Months ordered in this remand: the first order and every extension. */
      readonly months: number;
      readonly servedAt: Date | null;
      /** The Supreme Court extends only a remand the out-of-trial panel has extended. */
      readonly panelExtended: boolean;
    }
  | { readonly phase: 'handed-over'; readonly at: Date };

export type CustodyPhase = Custody['phase'];

export const FREE: Custody = { phase: 'free' };

/** Deprived of liberty in this case, on any legal clock. */
export function isHeld(custody: Custody): boolean {
  return ['arrested', 'police-detention', 'before-judge', 'remand'].includes(custody.phase);
}

/** Held by the police, before any judge has taken over. */
export function isInPoliceHands(
  custody: Custody,
): custody is Extract<Custody, { phase: 'arrested' | 'police-detention' }> {
  return custody.phase === 'arrested' || custody.phase === 'police-detention';
}

export const CLOCK_KINDS = [
  'police-custody',
  'written-detention-decision',
  'judicial-detention',
  'remand-order-service',
  'remand',
  'detention-appeal',
  'remand-appeal',
] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

export interface CustodyClock {
  readonly kind: ClockKind;
  readonly startedAt: Date;
  readonly deadline: Date;
  /** When the duty the clock measures was fulfilled (a decision issued, an order served). */
  readonly metAt: Date | null;
}

/** The legal clocks running for a person now, with the deadlines the law sets. */
export function custodyClocks(
  custody: Custody,
  rules: CustodyRules = CUSTODY_RULES,
): CustodyClock[] {
  switch (custody.phase) {
    case 'arrested':
    case 'police-detention': {
      const decisionIssuedAt =
        custody.phase === 'police-detention' ? custody.decisionIssuedAt : null;
      return [
        {
          kind: 'police-custody',
          startedAt: custody.deprivedAt,
          deadline: addHours(custody.deprivedAt, rules.policeCustodyMaxHours),
          metAt: null,
        },
        {
          kind: 'written-detention-decision',
          startedAt: custody.deprivedAt,
          deadline: addHours(custody.deprivedAt, rules.writtenDetentionDecisionAfterHours),
          metAt: decisionIssuedAt,
        },
      ];
    }
    case 'before-judge':
      return [
        {
          kind: 'judicial-detention',
          startedAt: custody.broughtAt,
          deadline: addHours(custody.broughtAt, rules.judicialDetentionMaxHours),
          metAt: null,
        },
      ];
    case 'remand':
      return [
        {
          kind: 'remand-order-service',
          startedAt: custody.orderedAt,
          deadline: addHours(custody.orderedAt, rules.remandOrderServiceHours),
          metAt: custody.servedAt,
        },
        {
          kind: 'remand',
          startedAt: remandStart(custody, rules),
          deadline: remandExpiry(custody, rules),
          metAt: null,
        },
      ];
    default:
      return [];
  }
}

type Remand = Extract<Custody, { phase: 'remand' }>;

/**
 * Where the months of a remand count from: the deprivation of liberty (ZKP Art. 205(1)), or
 * the order if the rules say so.
 */
export function remandStart(custody: Remand, rules: CustodyRules = CUSTODY_RULES): Date {
  return rules.remandCountsFromDeprivationOfLiberty ? custody.deprivedAt : custody.orderedAt;
}

/** The end of a remand: its months ordered so far, in calendar months of local time. */
export function remandExpiry(custody: Remand, rules: CustodyRules = CUSTODY_RULES): Date {
  return addMonths(remandStart(custody, rules), custody.months, rules.timeZone);
}
