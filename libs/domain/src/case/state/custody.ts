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
      readonly orderedAt: Date;
      /** Months ordered in all: the first order and every extension. */
      readonly months: number;
      readonly servedAt: Date | null;
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

export type ClockKind =
  | 'police-custody'
  | 'written-detention-decision'
  | 'judicial-detention'
  | 'remand-order-service'
  | 'remand';

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
          startedAt: custody.orderedAt,
          deadline: addMonths(custody.orderedAt, custody.months),
          metAt: null,
        },
      ];
    default:
      return [];
  }
}

export function remandExpiry(custody: Extract<Custody, { phase: 'remand' }>): Date {
  return addMonths(custody.orderedAt, custody.months);
}
