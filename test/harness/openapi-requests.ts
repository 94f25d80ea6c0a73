/*
 * Requests built from an OpenAPI document alone, as Swagger UI's "Try it out" builds them, for
 * test/e2e/openapi-examples.e2e-spec.ts: what a reader of the API's reference sends without
 * typing anything but the ids of the records they made.
 */

/** The parts of a schema that Swagger UI reads to fill in a request. */
export type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  enum?: unknown[];
  example?: unknown;
  default?: unknown;
  readOnly?: boolean;
  deprecated?: boolean;
};

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
  schema?: Schema;
}

interface MediaType {
  schema?: Schema;
  example?: unknown;
  examples?: Record<string, { value?: unknown }>;
}

/** An operation of the document: what its request takes, and who may send it. */
export interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: Record<string, MediaType> };
  security?: Record<string, string[]>[];
  'x-permission'?: string;
}

/** The parts of the served document (/docs-json) that the examples are read from. */
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

/** An example the document does not give: Swagger UI would send a placeholder there. */
export class MissingExample extends Error {}

/**
 * The value Swagger UI's "Try it out" puts in a body, from the schema alone: a schema with an
 * `example` (null included) gives it whole, however deep, and so does one with a `default`;
 * otherwise an object gives every property, required or not (readOnly and deprecated ones
 * aside), an array one item, an enum its first value, `allOf` its parts merged and `oneOf` /
 * `anyOf` their first. Where Swagger UI would invent a placeholder ("string", 0, true, a random
 * uuid, the current time) the document gives no example, and the test fails instead.
 */
function sampleOf(document: OpenApiDocument, schema: Schema | undefined, where: string): unknown {
  const resolved = resolve(document, schema);
  if ('example' in resolved) return resolved.example;
  if (resolved.default !== undefined) return resolved.default;
  if (resolved.enum !== undefined) return resolved.enum[0];
  const choice = resolved.oneOf?.[0] ?? resolved.anyOf?.[0];
  if (choice) return sampleOf(document, choice, where);
  if (resolved.type === 'array' || resolved.items) {
    return [sampleOf(document, resolved.items, `${where}[0]`)];
  }
  if (resolved.properties) {
    return Object.fromEntries(
      Object.entries(resolved.properties)
        .filter(([, property]) => !property.readOnly && !property.deprecated)
        .map(([name, property]) => [name, sampleOf(document, property, `${where}.${name}`)]),
    );
  }
  throw new MissingExample(`${where} has no example`);
}

/** The schema behind a $ref, with `allOf` merged into one (as Swagger UI's resolver does). */
export function resolve(document: OpenApiDocument, schema: Schema | undefined): Schema {
  if (!schema) return {};
  if (schema.$ref) {
    const name = schema.$ref.replace('#/components/schemas/', '');
    return resolve(document, document.components.schemas[name]);
  }
  if (!schema.allOf) return schema;
  const { allOf, ...own } = schema;
  return allOf
    .map((part) => resolve(document, part))
    .reduceRight<Schema>(
      (merged, part) => ({
        ...part,
        ...merged,
        properties: { ...part.properties, ...merged.properties },
        required: [...(part.required ?? []), ...(merged.required ?? [])],
      }),
      own,
    );
}

/** What Swagger UI fills a query or header parameter with, if anything. */
function parameterExample(parameter: Parameter): unknown {
  const first = Object.values(parameter.examples ?? {})[0]?.value;
  return first ?? parameter.example ?? parameter.schema?.example ?? parameter.schema?.default;
}

/** The body Swagger UI shows for a media type: its example, its first examples entry, or the sample. */
function bodyExample(document: OpenApiDocument, media: MediaType): unknown {
  if (media.example !== undefined) return media.example;
  const first = Object.values(media.examples ?? {})[0];
  if (first) return first.value;
  return sampleOf(document, media.schema, 'body');
}

/** A request as Swagger UI would send it, but for the token. */
export interface ExampleRequest {
  readonly path: string;
  readonly headers: Record<string, string>;
  readonly body?: unknown;
}

/**
 * The request of one operation from the document alone, path ids aside: every query and header
 * parameter that has an example, with it (a required one without example is a failure), and
 * the body as `bodyExample` gives it. Path parameters are the ids given.
 */
export function exampleRequest(
  document: OpenApiDocument,
  path: string,
  operation: Operation,
  ids: Record<string, string | undefined>,
): ExampleRequest {
  const query = new URLSearchParams();
  const headers: Record<string, string> = {};
  let url = path;
  for (const parameter of operation.parameters ?? []) {
    if (parameter.in === 'path') {
      const id = ids[parameter.name];
      if (id === undefined) throw new MissingExample(`no record for {${parameter.name}}`);
      url = url.replace(`{${parameter.name}}`, encodeURIComponent(id));
      continue;
    }
    const value = parameterExample(parameter);
    if (value === undefined) {
      if (parameter.required) {
        throw new MissingExample(`${parameter.in} ${parameter.name} is required, with no example`);
      }
      continue;
    }
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    if (parameter.in === 'query') query.append(parameter.name, text);
    if (parameter.in === 'header') headers[parameter.name] = text;
  }
  const json = operation.requestBody?.content['application/json'];
  const search = query.toString();
  return {
    path: search ? `${url}?${search}` : url,
    headers,
    ...(json ? { body: bodyExample(document, json) } : {}),
  };
}

/** An answer: JSON parsed, anything else as text, a stream as nothing. */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** Sends a request as a browser would; a stream answers with its status, then is closed. */
export async function sendExample(
  baseUrl: string,
  method: string,
  request: ExampleRequest,
  token: string | null,
): Promise<Answer> {
  const headers = { ...request.headers };
  if (token) headers.authorization = `Bearer ${token}`;
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${baseUrl}${request.path}`, {
    method,
    headers,
    body: request.body === undefined ? undefined : JSON.stringify(request.body),
  });
  const type = response.headers.get('content-type') ?? '';
  if (type.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, body: undefined };
  }
  const text = await response.text();
  return { status: response.status, body: /json/.test(type) && text ? JSON.parse(text) : text };
}
