import { useEffect, useState } from 'preact/hooks';

/** The part of JSON Schema (as OpenAPI 3.0 writes it) that the API's request bodies use. */
export interface Schema {
  readonly type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  readonly format?: string;
  readonly enum?: readonly (string | number)[];
  readonly items?: Schema;
  readonly properties?: Readonly<Record<string, Schema>>;
  readonly required?: readonly string[];
  readonly nullable?: boolean;
  readonly description?: string;
  readonly example?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly maxItems?: number;
  readonly $ref?: string;
  readonly allOf?: readonly Schema[];
}

interface OpenApiDocument {
  readonly paths: Record<string, { post?: { requestBody?: RequestBody } }>;
  readonly components: { readonly schemas: Record<string, Schema> };
}
interface RequestBody {
  readonly content: { 'application/json': { schema: Schema } };
}

// The document the API serves (public, like the list of its routes), read once it has been read
// well: a failed reading is tried again by the next form, not kept until a reload.
let contract: Promise<OpenApiDocument> | null = null;

function served(): Promise<OpenApiDocument> {
  contract ??= fetch('/docs-json').then((answer) => {
    if (!answer.ok) throw new Error(`The API's contract could not be read (${answer.status}).`);
    return answer.json() as Promise<OpenApiDocument>;
  });
  contract.catch(() => (contract = null));
  return contract;
}

/** A schema with its references followed, so a form reads it as one tree. */
function resolved(schema: Schema, document: OpenApiDocument): Schema {
  if (schema.$ref) {
    const name = schema.$ref.split('/').pop()!;
    return resolved({ ...document.components.schemas[name], ...without$ref(schema) }, document);
  }
  if (schema.allOf?.length === 1) {
    return resolved({ ...schema.allOf[0], ...schema, allOf: undefined }, document);
  }
  return {
    ...schema,
    items: schema.items && resolved(schema.items, document),
    properties:
      schema.properties &&
      Object.fromEntries(
        Object.entries(schema.properties).map(([key, value]) => [key, resolved(value, document)]),
      ),
  };
}
const without$ref = ({ $ref: _, ...rest }: Schema): Schema => rest;

/** The request body schema of the route `POST path`, as the served API states it. */
export function useRequestSchema(path: string): Schema | Error | null {
  const [schema, setSchema] = useState<Schema | Error | null>(null);
  useEffect(() => {
    served().then(
      (document) => {
        const body = document.paths[path]?.post?.requestBody;
        setSchema(
          body
            ? resolved(body.content['application/json'].schema, document)
            : new Error(`The API takes no ${path}.`),
        );
      },
      (error: Error) => setSchema(error),
    );
  }, [path]);
  return schema;
}
