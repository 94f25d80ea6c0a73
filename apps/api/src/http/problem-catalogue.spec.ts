import { AUTH_REFUSALS } from '@app/auth';
import { REFUSALS } from '@app/domain';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  API_REFUSALS,
  BARE_STATUS_CODES,
  CODE_BY_HTTP_STATUS,
  HTTP_PROBLEMS,
  PROBLEM_CATALOGUE,
  REFUSAL_PROBLEMS,
} from './problem-catalogue';

const ROOT = join(__dirname, '..', '..', '..', '..');

/** Where a problem code can come from: the domain, the stores, the auth checks, the API. */
const SOURCES = [
  'libs/domain/src',
  'libs/personal-data/src',
  'libs/event-store/src',
  'libs/auth/src',
  'apps/api/src',
];

/** The catalogue itself: listing a code there is not raising it. */
const CATALOGUE_FILES = [
  'libs/domain/src/shared/refusals.ts',
  'libs/auth/src/auth-refusals.ts',
  'apps/api/src/http/problem-catalogue.ts',
];

/** A dotted code anywhere, or any code a problem is made with (`INTERNAL` has no dot). */
const CODE = /'([A-Z][A-Z_]*\.[A-Z][A-Z_]+)'|\bproblem\(\s*'([A-Z][A-Z_.]*)'/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.includes('.spec.') ? [path] : [];
  });
}

const raised = new Set([
  ...SOURCES.flatMap(sourceFiles)
    .filter((file) => !CATALOGUE_FILES.includes(file))
    .flatMap((file) =>
      [...readFileSync(join(ROOT, file), 'utf8').matchAll(CODE)].map((m) => m[1] ?? m[2]),
    ),
  // Raised by whatever brings a bare HTTP status: Nest's exceptions, Express's middleware.
  ...BARE_STATUS_CODES,
]);

describe('the problem catalogue', () => {
  const listed = Object.keys(PROBLEM_CATALOGUE);

  it('lists every code the domain, the stores, the auth checks and the API raise', () => {
    expect([...raised].filter((code) => !listed.includes(code)).sort()).toEqual([]);
  });

  it('lists no code that nothing raises', () => {
    expect(listed.filter((code) => !raised.has(code)).sort()).toEqual([]);
  });

  it('has no code in two of its parts, where one would hide the other', () => {
    const parts = [REFUSALS, API_REFUSALS, AUTH_REFUSALS, HTTP_PROBLEMS];
    const sizes = parts.map((part) => Object.keys(part).length);
    expect(sizes.reduce((sum, size) => sum + size)).toBe(listed.length);
  });

  it('gives each code a status of 4xx or 5xx and a meaning', () => {
    const odd = Object.entries(PROBLEM_CATALOGUE).filter(
      ([, { status, meaning }]) => status < 400 || status > 599 || meaning.trim() === '',
    );
    expect(odd).toEqual([]);
  });

  it('never states a status in a meaning other than the one the code is answered with', () => {
    const contradicted = Object.entries(PROBLEM_CATALOGUE).filter(([, { status, meaning }]) =>
      [...meaning.matchAll(/\((\d{3})\b/g)].some((m) => Number(m[1]) !== status),
    );
    expect(contradicted).toEqual([]);
  });

  it('gives a bare HTTP status at most one code, answered with that status', () => {
    const statuses = BARE_STATUS_CODES.map((code) => PROBLEM_CATALOGUE[code].status);
    expect(new Set(statuses).size).toBe(statuses.length);
    for (const code of BARE_STATUS_CODES) {
      expect(CODE_BY_HTTP_STATUS[PROBLEM_CATALOGUE[code].status]).toBe(code);
    }
  });

  it('keeps the statuses the API has always answered with', () => {
    // A code's status is part of the API contract: change it only with a new API version.
    const notRules = Object.fromEntries(
      Object.entries(REFUSAL_PROBLEMS)
        .filter(([, { status }]) => status !== 422)
        .map(([code, { status }]) => [code, status]),
    );
    expect(notRules).toEqual({
      'CASE.ALREADY_OPENED': 409,
      'CASE.NOT_FOUND': 404,
      'CONSOLE.LOCAL_SIGN_IN_OFF': 404,
      'CONSULTATION.JUSTIFICATION_REQUIRED': 400,
      'JOINT_OPERATION.NOT_FOUND': 404,
      'PERSON.ALREADY_ERASED': 409,
      'PERSON.DATA_ERASED': 410,
      'PERSON.IDENTITY_CONFLICT': 409,
      'PERSON.NOT_FOUND': 404,
      'PERSON.NOT_IN_CASE': 404,
      'PROCEDURE.NOT_FOUND': 404,
      'STREAM.VERSION_CONFLICT': 409,
    });
    expect(CODE_BY_HTTP_STATUS).toEqual({
      400: 'REQUEST.MALFORMED',
      401: 'AUTH.UNAUTHENTICATED',
      403: 'AUTH.FORBIDDEN',
      404: 'ROUTE.NOT_FOUND',
      405: 'REQUEST.METHOD_NOT_ALLOWED',
      412: 'REQUEST.PRECONDITION_FAILED',
      413: 'REQUEST.TOO_LARGE',
      415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      416: 'REQUEST.RANGE_NOT_SATISFIABLE',
      429: 'REQUEST.RATE_LIMITED',
      503: 'SERVICE.UNAVAILABLE',
    });
  });
});
