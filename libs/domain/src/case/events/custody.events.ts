import { DomainEvent } from '../../shared/domain-event';

type PersonFact<Type extends string, Data = object> = DomainEvent<
  Type,
  { caseId: string; personId: string } & Data
>;

export type PoliceDetentionStarted = PersonFact<'custody.police-detention-started'>;

export type DetentionDecisionIssued = PersonFact<
  'custody.detention-decision-issued',
  { reference: string }
>;

export type BroughtBeforeInvestigatingJudge = PersonFact<
  'custody.brought-before-judge',
  { court: string }
>;

/** ZKP Art. 201: risk of flight (including an identity that cannot be established), of tampering with evidence, of reoffending. */
export const REMAND_GROUNDS = ['flight-risk', 'evidence-tampering', 'reoffending'] as const;
export type RemandGround = (typeof REMAND_GROUNDS)[number];

export type RemandOrdered = PersonFact<
  'custody.remand-ordered',
  {
    court: string;
    grounds: RemandGround[];
    /** Remand is ordered on the prosecutor's proposal. */
    proposal: { prosecutorOffice: string; reference: string };
    months: number;
  }
>;

export type RemandOrderServed = PersonFact<'custody.remand-order-served'>;

export const REMAND_EXTENDERS = ['out-of-trial-panel', 'supreme-court'] as const;
export type RemandExtender = (typeof REMAND_EXTENDERS)[number];

export type RemandExtended = PersonFact<
  'custody.remand-extended',
  { by: RemandExtender; months: number; reference: string }
>;

export const RELEASE_REASONS = [
  'police-detention-ended',
  'released-by-investigating-judge',
  'remand-lifted',
  'remand-expired',
  'other',
] as const;

export type ReleasedFromCustody = PersonFact<
  'custody.released',
  { reason: (typeof RELEASE_REASONS)[number]; note: string | null }
>;

/** What a suspect appeals against: each appeal is decided within 48 hours (ZKP Art. 157, 202). */
export const APPEALABLE = ['detention-decision', 'remand-order'] as const;
export type Appealable = (typeof APPEALABLE)[number];

export type AppealLodged = PersonFact<'custody.appeal-lodged', { against: Appealable }>;

export const APPEAL_OUTCOMES = ['dismissed', 'granted'] as const;

export type AppealDecided = PersonFact<
  'custody.appeal-decided',
  { against: Appealable; outcome: (typeof APPEAL_OUTCOMES)[number]; court: string }
>;

export type HandedOverToForeignAuthorities = PersonFact<
  'custody.handed-over',
  { country: string; authority: string; legalBasis: 'readmission-agreement' | 'other' }
>;

/**
 * The safeguards of a person deprived of liberty: informed of their rights in a language they
 * understand (ZKP Art. 4, Directive 2012/13/EU), an interpreter (2010/64/EU), counsel
 * (2013/48/EU), a family member or person of trust informed (2013/48/EU Art. 5), the consulate
 * informed at a foreigner's request (Vienna Convention Art. 36), a minor's parent or guardian
 * informed (2016/800/EU).
 */
export const SAFEGUARDS = [
  'rights-information',
  'interpreter',
  'counsel',
  'family-notification',
  'consular-notification',
  'guardian-notification',
] as const;
export type Safeguard = (typeof SAFEGUARDS)[number];

/** The person asked for a safeguard due on request (counsel, family, consulate, interpreter). */
export type SafeguardRequested = PersonFact<
  'custody.safeguard-requested',
  { safeguard: Safeguard }
>;

/** The safeguard was given: `by` is the officer who gave it, `detail` e.g. counsel's name. */
export type SafeguardProvided = PersonFact<
  'custody.safeguard-provided',
  { safeguard: Safeguard; by: string; detail: string | null }
>;

/** A safeguard put off lawfully (e.g. 2013/48/EU Art. 3(6)): why, and who authorised it. */
export type SafeguardDelayed = PersonFact<
  'custody.safeguard-delayed',
  { safeguard: Safeguard; reason: string; authorisedBy: string }
>;

/** Where the person is held from this moment: a police station's cells, a prison. */
export type DetentionPlaceRecorded = PersonFact<
  'custody.detention-place-recorded',
  { facility: string }
>;
