import { DomainEvent } from '../../shared/domain-event';

type PersonFact<Type extends string, Data = object> = DomainEvent<
  Type,
  { caseId: string; personId: string } & Data
>;

export const INTENT_STATEMENTS = ['handwritten', 'dictated', 'refused'] as const;

/** From this moment the person cannot be returned. Repeat intents are counted, never refused. */
export type AsylumIntentExpressed = PersonFact<
  'protection.asylum-intent-expressed',
  {
    expressedTo: 'police' | 'other-authority';
    authority: string | null;
    /** The statement of reasons: handwritten, dictated, or noted as refused. */
    statement: (typeof INTENT_STATEMENTS)[number];
  }
>;

export const ASYLUM_FACILITIES = ['asylum-home-ljubljana', 'asylum-home-logatec'] as const;
export type AsylumFacility = (typeof ASYLUM_FACILITIES)[number];

export type ReferredToAsylumCentre = PersonFact<
  'protection.referred-to-asylum-centre',
  { facility: AsylumFacility }
>;

/** Leaving before lodging the application counts as withdrawing it. */
export type LeftReceptionBeforeLodging = PersonFact<
  'protection.left-reception',
  { facility: AsylumFacility }
>;
