import { DomainEvent } from '../shared/domain-event';
import { Directorate } from '../values/directorate';
import { Nationality } from '../values/nationality';
import { SealedPersonalData } from '../values/personal-data';
import { ASYLUM_FACILITIES, INTENT_STATEMENTS, PARTNER_COUNTRIES } from '../case/events';

/**
 * The police procedure with a foreigner apprehended after crossing the border illegally: one
 * stream per person and apprehension. Most of the people the press releases count were never
 * found with a smuggler; those who were are linked to their case and counted once.
 */
export const PROCEDURE_STREAM_TYPE = 'procedure';

/** Where a procedure may send the person: the Asylum Home (or its branch) or the Aliens Centre. */
export const REFERRAL_DESTINATIONS = [...ASYLUM_FACILITIES, 'aliens-centre'] as const;
export type ReferralDestination = (typeof REFERRAL_DESTINATIONS)[number];

/** The neighbouring countries a person crosses from (and may be handed back to). */
export const NEIGHBOURING_COUNTRIES = PARTNER_COUNTRIES;
export type NeighbouringCountry = (typeof NEIGHBOURING_COUNTRIES)[number];

type ProcedureFact<Type extends string, Data = object> = DomainEvent<
  Type,
  { procedureId: string; personId: string } & Data
>;

/** Opens the procedure; occurredAt is when the person was apprehended. */
export type ForeignerApprehended = ProcedureFact<
  'procedure.foreigner-apprehended',
  {
    /** Known before, from an earlier procedure or case, by id or a matching document. */
    recognised: boolean;
    directorate: Directorate;
    borderSection: string;
    /** The neighbouring country the person came from. */
    cameFrom: NeighbouringCountry;
    place: string;
    nationality: Nationality;
    minor: boolean;
    /** Shared by the people apprehended together. */
    groupId: string;
    /** The smuggling case the person was found in, if any: counted once, here. */
    caseId: string | null;
    /** The code of the joint operation (mixed patrol) that found the person, if any. */
    jointOperation: string | null;
    personalData: SealedPersonalData | null;
  }
>;

/** Detention under the State Border Control Act: at most 48 hours, not criminal custody. */
export type BorderDetentionStarted = ProcedureFact<'procedure.border-detention-started'>;

/** From this moment the person cannot be returned. */
export type ProcedureIntentExpressed = ProcedureFact<
  'procedure.asylum-intent-expressed',
  { statement: (typeof INTENT_STATEMENTS)[number] }
>;

export type ProcedureReferred = ProcedureFact<
  'procedure.referred',
  { destination: ReferralDestination }
>;

/** Readmission to a neighbouring country's police. */
export type ProcedureHandedOver = ProcedureFact<
  'procedure.handed-over',
  { country: NeighbouringCountry; authority: string }
>;

export type ProcedureReleased = ProcedureFact<'procedure.released', { reason: string }>;

/** Leaving before lodging the application counts as withdrawing it. */
export type LeftAsylumHome = ProcedureFact<
  'procedure.left-asylum-home',
  { facility: (typeof ASYLUM_FACILITIES)[number] }
>;

/** The person is a migrant of that smuggling case: one person, counted once. */
export type ProcedureLinkedToCase = ProcedureFact<'procedure.linked-to-case', { caseId: string }>;

export type ProcedureNationalityEstablished = ProcedureFact<
  'procedure.nationality-established',
  { nationality: Nationality }
>;

/**
 * Every fact of a procedure stream. Which read models each one changes: `readModelsChangedBy`
 * in libs/read-models/src/projection.ts (named, not imported: the domain imports nothing
 * outside itself).
 */
export type ProcedureEvent =
  | ForeignerApprehended
  | BorderDetentionStarted
  | ProcedureIntentExpressed
  | ProcedureReferred
  | ProcedureHandedOver
  | ProcedureReleased
  | LeftAsylumHome
  | ProcedureLinkedToCase
  | ProcedureNationalityEstablished;

export type ProcedureEventType = ProcedureEvent['type'];

/** The schema version each type is written in now (see CASE_EVENT_SCHEMA_VERSIONS). */
export const PROCEDURE_EVENT_SCHEMA_VERSIONS: Readonly<Record<ProcedureEventType, number>> = {
  'procedure.foreigner-apprehended': 1,
  'procedure.border-detention-started': 1,
  'procedure.asylum-intent-expressed': 1,
  'procedure.referred': 1,
  'procedure.handed-over': 1,
  'procedure.released': 1,
  'procedure.left-asylum-home': 1,
  'procedure.linked-to-case': 1,
  'procedure.nationality-established': 1,
};

export const PROCEDURE_EVENT_TYPES = Object.keys(
  PROCEDURE_EVENT_SCHEMA_VERSIONS,
) as ProcedureEventType[];

export function procedureEvent<E extends ProcedureEvent>(
  type: E['type'],
  occurredAt: Date,
  data: E['data'],
): E {
  return { type, schemaVersion: PROCEDURE_EVENT_SCHEMA_VERSIONS[type], occurredAt, data } as E;
}
