/**
 * A JSON Schema (draft-07, the dialect AsyncAPI 3.0 payloads default to) as a plain object.
 * Schemas are data, not classes: they are served as they are and compiled by any validator.
 */
export type JsonSchema = { readonly [keyword: string]: unknown };

export const uuid: JsonSchema = { type: 'string', format: 'uuid' };

/** An ISO-8601 instant as `Date.toISOString()` writes it. */
export const instant: JsonSchema = { type: 'string', format: 'date-time' };

/** Trimmed text the domain refuses when empty. Lengths are tunable rules, not the contract. */
export const text: JsonSchema = { type: 'string', minLength: 1 };

export const choice = (values: readonly (string | number)[]): JsonSchema => ({
  enum: [...values],
});

export const nullable = (schema: JsonSchema): JsonSchema => ({
  anyOf: [schema, { type: 'null' }],
});

/**
 * A closed object: every listed property, and nothing else. `optional` members may be left
 * out; a consumer that finds a member it does not know is looking at a new schema version.
 */
export function closedObject(
  required: Readonly<Record<string, JsonSchema>>,
  optional: Readonly<Record<string, JsonSchema>> = {},
  extra: JsonSchema = {},
): JsonSchema {
  return {
    type: 'object',
    properties: { ...required, ...optional },
    required: Object.keys(required),
    additionalProperties: false,
    ...extra,
  };
}
