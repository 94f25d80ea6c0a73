import Ajv from 'ajv';
import addFormats from 'ajv-formats';

type Schema = Record<string, unknown>;

/**
 * A validator of answers against the document's own schemas. OpenAPI 3.0's `nullable: true`
 * admits null besides whatever the schema says (a nullable reference included), so it becomes
 * `anyOf: [schema, null]`; the document's other keywords (example, ...) are annotations. Response
 * objects are closed: an answer member the documentation does not name is a mismatch too,
 * except on problem details, which RFC 9457 lets carry extension members.
 */
export function answerValidator(document: { components: { schemas: Record<string, Schema> } }) {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const close = (node: unknown, open: boolean): unknown => {
    if (Array.isArray(node)) return node.map((n) => close(n, false));
    if (node === null || typeof node !== 'object') return node;
    const schema = Object.fromEntries(
      Object.entries(node as Schema).map(([k, v]) => [
        k,
        k === 'properties'
          ? Object.fromEntries(Object.entries(v as Schema).map(([p, s]) => [p, close(s, false)]))
          : close(v, false),
      ]),
    );
    if (schema.$ref !== undefined) {
      schema.$ref = (schema.$ref as string).replace(/^#/, 'openapi#');
    }
    if (schema.properties !== undefined && schema.additionalProperties === undefined && !open) {
      schema.additionalProperties = false;
    }
    if (schema.nullable === true) {
      const { nullable: _nullable, ...rest } = schema;
      return { anyOf: [rest, { type: 'null' }] };
    }
    return schema;
  };
  ajv.addSchema({
    $id: 'openapi',
    components: {
      schemas: Object.fromEntries(
        Object.entries(document.components.schemas).map(([name, schema]) => [
          name,
          close(schema, name === 'ProblemDetails'),
        ]),
      ),
    },
  });
  return (schema: Schema, body: unknown): string | null => {
    const validate = ajv.compile(close(schema, false) as Schema);
    return validate(body) ? null : ajv.errorsText(validate.errors, { dataVar: 'body' });
  };
}
