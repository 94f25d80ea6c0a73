import { PARTNER_COUNTRIES, PARTNER_REPORT_AREAS } from '@app/domain';
import { JsonSchema, choice, closedObject, nullable, text } from '../json-schema';
import { EventSchemaTable } from './common.schemas';

/** A number of people as the partner reported it; null when the report gives none. */
const reportedCount: JsonSchema = nullable({ type: 'integer', minimum: 0 });

/**
 * The events of the joint operation stream (one per operation code): the partner police's own
 * figures, as reported, apart from what the Slovenian police recorded in cases and procedures.
 */
export const JOINT_OPERATION_EVENT_SCHEMAS: EventSchemaTable = {
  'joint-operation.partner-figures-reported': {
    1: closedObject({
      code: text,
      partnerCountry: choice(PARTNER_COUNTRIES),
      // Who reported, e.g. "Croatian police (MUP RH)".
      authority: text,
      area: choice(PARTNER_REPORT_AREAS),
      migrants: reportedCount,
      smugglers: reportedCount,
      // The release or the report the figures come from.
      source: text,
    }),
  },
};
