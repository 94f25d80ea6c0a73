import {
  CLOSURE_REASONS,
  DIRECTORATES,
  JOINT_OPERATION_KINDS,
  PARTNER_COUNTRIES,
  RULES,
} from '@app/domain';
import { JsonSchema, choice, closedObject, instant, nullable, text, uuid } from '../json-schema';
import { EventSchemaTable, caseFact } from './common.schemas';

const offence = closedObject({
  article: { const: 308 },
  paragraph: choice(RULES.article308Paragraphs),
});

/** The case's own events, except the correction, whose replacement names all the others. */
export const LIFECYCLE_EVENT_SCHEMAS: EventSchemaTable = {
  'case.opened': {
    1: caseFact({ directorate: choice(DIRECTORATES), borderSection: text, offence, summary: text }),
  },
  'case.details-amended': {
    // Only what changed, and something did.
    1: caseFact({
      changes: closedObject(
        {},
        { borderSection: text, offence, summary: text },
        { minProperties: 1 },
      ),
    }),
  },
  'case.joint-operation-linked': {
    1: caseFact({
      operation: closedObject({
        code: text,
        name: text,
        partnerCountry: choice(PARTNER_COUNTRIES),
        kind: choice(JOINT_OPERATION_KINDS),
        from: instant,
        to: instant,
      }),
    }),
  },
  'case.criminal-complaint-filed': {
    1: caseFact({
      prosecutorOffice: text,
      reference: text,
      suspectIds: { type: 'array', items: uuid, uniqueItems: true },
    }),
  },
  'case.referred-to-prosecution': {
    1: caseFact({ prosecutorOffice: text }),
  },
  'case.indictment-filed': {
    1: caseFact({
      court: text,
      reference: text,
      defendantIds: { type: 'array', items: uuid, minItems: 1, uniqueItems: true },
    }),
  },
  'case.closed': {
    1: caseFact({ reason: choice(CLOSURE_REASONS), note: nullable(text) }),
  },
};

/**
 * `case.correction-recorded` v1. The replacement carries the corrected event's data in full, in
 * the schema version of the day the correction was recorded (which it does not state): any
 * version of the corrected type's data, chosen by `correctedEventType`.
 */
export function correctionRecordedV1(
  dataSchemasByType: Readonly<Record<string, readonly JsonSchema[]>>,
): JsonSchema {
  const types = Object.keys(dataSchemasByType);
  return {
    ...caseFact({
      correctedEventId: uuid,
      correctedEventType: choice(types),
      reason: text,
      replacement: closedObject({ occurredAt: instant, data: { type: 'object' } }),
    }),
    allOf: types.map((type) => ({
      if: { properties: { correctedEventType: { const: type } } },
      then: {
        properties: {
          replacement: { properties: { data: { anyOf: dataSchemasByType[type] } } },
        },
      },
    })),
  };
}

/**
 * `case.entry-withdrawn` v1: an entry made in error, withdrawn with a reason. The withdrawn
 * entry may be any event of the case but its opening, a correction or a withdrawal included.
 */
export function entryWithdrawnV1(types: readonly string[]): JsonSchema {
  return caseFact({ withdrawnEventId: uuid, withdrawnEventType: choice(types), reason: text });
}
