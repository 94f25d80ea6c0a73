import { JsonSchema, closedObject, nullable, text, uuid } from '../json-schema';

/** ISO 3166-1 alpha-2, or null when it is not known. */
export const nationality: JsonSchema = nullable({ type: 'string', pattern: '^[A-Z]{2}$' });

/** Personal data sealed with the person's own key; erasing the key makes it unreadable. */
export const sealedPersonalData: JsonSchema = nullable(
  closedObject({
    scheme: text,
    personId: uuid,
    ciphertext: { type: 'string', contentEncoding: 'base64', pattern: '^[A-Za-z0-9+/]+={0,2}$' },
  }),
);

/** The data of an event about the case as a whole. */
export const caseFact = (
  required: Readonly<Record<string, JsonSchema>>,
  optional: Readonly<Record<string, JsonSchema>> = {},
): JsonSchema => closedObject({ caseId: uuid, ...required }, optional);

/** The data of an event about one person of the case. */
export const personFact = (
  required: Readonly<Record<string, JsonSchema>> = {},
  optional: Readonly<Record<string, JsonSchema>> = {},
): JsonSchema => closedObject({ caseId: uuid, personId: uuid, ...required }, optional);

/** The data of an event of one person's procedure (the procedure stream). */
export const procedureFact = (
  required: Readonly<Record<string, JsonSchema>> = {},
  optional: Readonly<Record<string, JsonSchema>> = {},
): JsonSchema => closedObject({ procedureId: uuid, personId: uuid, ...required }, optional);

/** Data schemas by event type, then by schema version. */
export type EventSchemaTable = Readonly<Record<string, Readonly<Record<number, JsonSchema>>>>;
