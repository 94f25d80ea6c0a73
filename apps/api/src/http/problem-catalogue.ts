import { AUTH_REFUSALS } from '@app/auth';
import { REFUSALS, RefusalEntry } from '@app/domain';

/**
 * The answers HTTP itself gives, before or beside the rules of the API: the request as sent,
 * the route, the health of what the API stands on.
 */
export const HTTP_PROBLEMS = {
  'AUTH.UNAUTHENTICATED': {
    status: 401,
    meaning: 'A 401 the framework raises, not the token check (`WWW-Authenticate: Bearer`).',
  },
  INTERNAL: { status: 500, meaning: 'An unexpected error; the log has its stack.' },
  'READ_MODEL.BEHIND': {
    status: 503,
    meaning:
      'The read model did not reach `minPosition` within `READ_WAIT_MAX_MS` (`Retry-After`).',
  },
  'REQUEST.HEADERS_TOO_LARGE': { status: 431, meaning: 'The headers are over 16 kB.' },
  'REQUEST.INVALID_CHARACTER': {
    status: 400,
    meaning: 'Text with NUL or a lone surrogate, which Postgres cannot store.',
  },
  'REQUEST.MALFORMED': {
    status: 400,
    meaning:
      'Not HTTP/1.1, more than one `Host` header or one that is not a host (RFC 9112 §3.2), or a request the framework refuses as sent.',
  },
  'REQUEST.MALFORMED_JSON': { status: 400, meaning: 'The body is not JSON.' },
  'REQUEST.METHOD_NOT_ALLOWED': {
    status: 405,
    meaning: 'The resource does not answer this method.',
  },
  'REQUEST.PRECONDITION_FAILED': {
    status: 412,
    meaning:
      'A conditional request for a static file (the console, `/docs`) whose condition fails.',
  },
  'REQUEST.RANGE_NOT_SATISFIABLE': {
    status: 416,
    meaning: 'The `Range` asked of a static file (the console, `/docs`) lies outside it.',
  },
  'REQUEST.RATE_LIMITED': {
    status: 429,
    meaning: 'Over `RATE_LIMIT_PER_MINUTE` (`Retry-After`).',
  },
  'REQUEST.TIMEOUT': {
    status: 408,
    meaning:
      'Headers or body not received in time (`HTTP_HEADERS_TIMEOUT_MS`, `HTTP_REQUEST_TIMEOUT_MS`).',
  },
  'REQUEST.TOO_DEEP': { status: 400, meaning: 'The body nests deeper than 16 levels.' },
  'REQUEST.TOO_LARGE': {
    status: 413,
    meaning: 'The body is over 64 kB, or its chunk extensions are too large.',
  },
  'REQUEST.UNSUPPORTED_MEDIA_TYPE': {
    status: 415,
    meaning: 'The body is not `application/json` in UTF-8.',
  },
  'REQUEST.VALIDATION_FAILED': {
    status: 400,
    meaning: 'The body, path or a header fails validation (`errors` lists the fields).',
  },
  'ROUTE.NOT_FOUND': { status: 404, meaning: 'No such route.' },
  'SERVICE.UNAVAILABLE': {
    status: 503,
    meaning: "Postgres, Kafka or the IdP's keys cannot be reached or went away (`Retry-After`).",
  },
} as const satisfies Readonly<Record<string, RefusalEntry>>;

/** Refusals by the API itself rather than by the domain: its console and its reads. */
export const API_REFUSALS = {
  'CONSOLE.INVALID_SIGN_IN': {
    status: 422,
    meaning:
      'A local sign-in the API would not accept, e.g. an investigator without a directorate.',
  },
  'CONSOLE.LOCAL_SIGN_IN_OFF': {
    status: 404,
    meaning: 'The API offers no local sign-in: it is not a local run.',
  },
  'CONSULTATION.JUSTIFICATION_REQUIRED': {
    status: 400,
    meaning: 'A read of personal data states no `X-Justification`.',
  },
} as const satisfies Readonly<Record<string, RefusalEntry>>;

export type ApiRefusalCode = keyof typeof API_REFUSALS;

/** The codes of HTTP itself and of the token and access checks, for the first table of the docs. */
export const HTTP_LEVEL_PROBLEMS = { ...AUTH_REFUSALS, ...HTTP_PROBLEMS } as const;

/** The codes a command or a read is refused with, by the domain or by the API. */
export const REFUSAL_PROBLEMS = { ...REFUSALS, ...API_REFUSALS } as const;

/**
 * Every code a problem answer can carry, with its status and meaning: the one source of the
 * statuses the API answers with, of the OpenAPI document's problem descriptions and of the
 * tables of docs/problems.md (`npm run docs:problems`).
 */
export const PROBLEM_CATALOGUE: Readonly<Record<ProblemCode, RefusalEntry>> = {
  ...HTTP_LEVEL_PROBLEMS,
  ...REFUSAL_PROBLEMS,
};

export type ProblemCode = keyof typeof HTTP_LEVEL_PROBLEMS | keyof typeof REFUSAL_PROBLEMS;

/** The code `HTTP.<status>` of an answer with a status no code of the catalogue stands for. */
export type UnlistedStatusCode = `HTTP.${number}`;

/**
 * The code of an answer that comes with nothing but an HTTP status (Nest's HttpException, an
 * Express middleware's error), by that status: at most one code a status.
 */
export const BARE_STATUS_CODES: readonly ProblemCode[] = [
  'REQUEST.MALFORMED',
  'AUTH.UNAUTHENTICATED',
  'AUTH.FORBIDDEN',
  'ROUTE.NOT_FOUND',
  'REQUEST.METHOD_NOT_ALLOWED',
  'REQUEST.PRECONDITION_FAILED',
  'REQUEST.TOO_LARGE',
  'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  'REQUEST.RANGE_NOT_SATISFIABLE',
  'REQUEST.RATE_LIMITED',
  'SERVICE.UNAVAILABLE',
];

export const CODE_BY_HTTP_STATUS: Readonly<Partial<Record<number, ProblemCode>>> =
  Object.fromEntries(BARE_STATUS_CODES.map((code) => [PROBLEM_CATALOGUE[code].status, code]));
