import { ASYLUM_FACILITIES, INTENT_STATEMENTS } from '@app/domain';
import { MINUTE } from './local-time';
import { ProcedureSection } from './places';
import { ForeignerDraft } from './procedure-drafts';
import { Rng, between, weighted } from './random';

// What happens to a foreigner after the apprehension: the intent to seek protection and the
// referral, or readmission, the Aliens Centre or release; and leaving the asylum home.

const INTENT_STATEMENT_WEIGHTS: readonly (readonly [string, number])[] = [
  [INTENT_STATEMENTS[0], 70],
  [INTENT_STATEMENTS[1], 25],
  [INTENT_STATEMENTS[2], 5],
];

/** The intent within hours, and the referral to the asylum home (families to Logatec). */
export function withIntent(rng: Rng, at: number, person: ForeignerDraft, detained: boolean): void {
  let t = at;
  if (detained) {
    person.detainedAt = at + between(rng, 10, 40) * MINUTE;
    t = person.detainedAt;
  }
  const intentAt = t + between(rng, 20, 300) * MINUTE;
  person.intent = { at: intentAt, statement: weighted(rng, INTENT_STATEMENT_WEIGHTS) };
  person.referral = {
    at: intentAt + between(rng, 60, 720) * MINUTE,
    destination: rng() < (person.minor ? 0.75 : 0.3) ? ASYLUM_FACILITIES[1] : ASYLUM_FACILITIES[0],
  };
}

/**
 * No intent: readmission to the police across the border within the 48 hours of border
 * detention, or the Aliens Centre, or release with an order to leave.
 */
export function withoutIntent(
  rng: Rng,
  at: number,
  section: ProcedureSection,
  person: ForeignerDraft,
) {
  const roll = rng();
  if (section.handoverTo !== undefined && roll < 0.7) {
    if (rng() < 0.6) person.detainedAt = at + between(rng, 15, 45) * MINUTE;
    person.handover = {
      at: at + between(rng, 3 * 60, 30 * 60) * MINUTE,
      country: section.cameFrom,
      authority: section.handoverTo,
    };
  } else if (roll < 0.95) {
    person.detainedAt = at + between(rng, 15, 45) * MINUTE;
    person.referral = {
      at: at + between(rng, 4 * 60, 40 * 60) * MINUTE,
      destination: 'aliens-centre',
    };
  } else {
    person.release = {
      at: at + between(rng, 2 * 60, 10 * 60) * MINUTE,
      reason: 'Ordered to leave the country within 7 days',
    };
  }
}

/** Left the asylum home they were referred to, within hours or days. */
export function leave(rng: Rng, p: ForeignerDraft): void {
  p.leftAt = p.referral!.at + between(rng, 8 * 60, 6 * 24 * 60) * MINUTE;
}

export const toAsylumHome = (p: ForeignerDraft) =>
  p.referral !== undefined && p.referral.destination !== 'aliens-centre';
