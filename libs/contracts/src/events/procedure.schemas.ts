import {
  ASYLUM_FACILITIES,
  DIRECTORATES,
  INTENT_STATEMENTS,
  NEIGHBOURING_COUNTRIES,
  REFERRAL_DESTINATIONS,
} from '@app/domain';
import { choice, nullable, text, uuid } from '../json-schema';
import { EventSchemaTable, nationality, procedureFact, sealedPersonalData } from './common.schemas';

/**
 * The events of the procedure stream: one person apprehended after crossing the border
 * illegally, with or without a smuggling case. A case's correction or withdrawal never names
 * them: they are not the case's events.
 */
export const PROCEDURE_EVENT_SCHEMAS: EventSchemaTable = {
  'procedure.foreigner-apprehended': {
    1: procedureFact({
      recognised: { type: 'boolean' },
      directorate: choice(DIRECTORATES),
      borderSection: text,
      cameFrom: choice(NEIGHBOURING_COUNTRIES),
      place: text,
      nationality,
      minor: { type: 'boolean' },
      // Shared by the people apprehended together.
      groupId: uuid,
      // The smuggling case the person was found in, if any: counted once, here.
      caseId: nullable(uuid),
      // The code of the joint operation (mixed patrol) that found the person, if any.
      jointOperation: nullable(text),
      personalData: sealedPersonalData,
    }),
  },
  // Detention under the State Border Control Act: at most 48 hours, not criminal custody.
  'procedure.border-detention-started': { 1: procedureFact() },
  'procedure.asylum-intent-expressed': {
    1: procedureFact({ statement: choice(INTENT_STATEMENTS) }),
  },
  'procedure.referred': { 1: procedureFact({ destination: choice(REFERRAL_DESTINATIONS) }) },
  'procedure.handed-over': {
    1: procedureFact({ country: choice(NEIGHBOURING_COUNTRIES), authority: text }),
  },
  'procedure.released': { 1: procedureFact({ reason: text }) },
  'procedure.left-asylum-home': { 1: procedureFact({ facility: choice(ASYLUM_FACILITIES) }) },
  'procedure.linked-to-case': { 1: procedureFact({ caseId: uuid }) },
  'procedure.nationality-established': { 1: procedureFact({ nationality }) },
};
