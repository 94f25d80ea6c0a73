import express, { NextFunction, Request, Response } from 'express';
import { problem, sendProblem, statusProblem } from './problem-details';

const BODY_LIMIT = '64kb';

/** Strict JSON only; its failures become problems in `middlewareErrors`. */
export const jsonBodyParser = express.json({ limit: BODY_LIMIT, strict: true });

/**
 * Express middleware (the body parser, the static files of /docs) fails outside Nest, where
 * the exception filter never sees it: its client errors become problems here, last in line.
 */
export function middlewareErrors(
  error: { type?: string; status?: number },
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  const body =
    error.type === 'entity.too.large'
      ? problem('REQUEST.TOO_LARGE', `The body exceeds ${BODY_LIMIT}.`)
      : error.type === 'entity.parse.failed'
        ? problem('REQUEST.MALFORMED_JSON', 'The body is not a JSON object or array.')
        : error.type === 'charset.unsupported' || error.type === 'encoding.unsupported'
          ? problem('REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Request bodies must be UTF-8 JSON.')
          : error.status && error.status >= 400 && error.status < 500
            ? statusProblem(error.status, 'The request cannot be answered as sent.')
            : undefined;
  if (!body) return next(error);
  sendProblem(req, res, body);
}

const METHODS_WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

/** Only JSON bodies are accepted; anything else is refused before it is parsed. */
export function requireJsonBody(req: Request, res: Response, next: NextFunction): void {
  const hasBody = Number(req.header('content-length') ?? 0) > 0 || req.header('transfer-encoding');
  if (METHODS_WITH_BODY.has(req.method) && hasBody && !req.is('application/json')) {
    const body = problem(
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      'Request bodies must be application/json.',
    );
    sendProblem(req, res, body);
    return;
  }
  next();
}

/** Deeper than any request of this API; deep enough nesting would exhaust the stack later. */
const MAX_DEPTH = 16;

// A UTF-16 half without its other half: not Unicode text, and Postgres refuses it in JSON.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Refused on the raw body, before the DTOs see it: text Postgres cannot store (NUL, lone
 * surrogates) would be a 500 later; keys that name JavaScript's object machinery (`__proto__`,
 * `toString`...) reach prototypes or are silently dropped by class-transformer, escaping
 * the refusal of unknown properties; nesting is bounded before anything recurses into it.
 */
export function refuseHostileJson(req: Request, res: Response, next: NextFunction): void {
  const found = hostile(req.body);
  if (!found) return next();
  const body =
    found.kind === 'text'
      ? problem('REQUEST.INVALID_CHARACTER', 'Text may not contain NUL or lone surrogates.')
      : found.kind === 'depth'
        ? problem('REQUEST.TOO_DEEP', `The body nests deeper than ${MAX_DEPTH} levels.`)
        : problem('REQUEST.VALIDATION_FAILED', 'The request is not valid.', {
            errors: [
              { field: found.path, messages: [`${found.path} is not an allowed property name`] },
            ],
          });
  sendProblem(req, res, body);
}

const unstorable = (text: string) => text.includes('\u0000') || LONE_SURROGATE.test(text);
const machineryKey = (key: string) => key in Object.prototype || key === 'prototype';

/** Walks the body without recursion, so no body can exhaust the stack here. */
function hostile(body: unknown): { kind: 'text' | 'key' | 'depth'; path: string } | null {
  const pending: { value: unknown; path: string; depth: number }[] = [
    { value: body, path: '', depth: 0 },
  ];
  for (let item = pending.pop(); item; item = pending.pop()) {
    const { value, path, depth } = item;
    if (typeof value === 'string') {
      if (unstorable(value)) return { kind: 'text', path };
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth >= MAX_DEPTH) return { kind: 'depth', path };
    for (const [key, child] of Object.entries(value)) {
      const childPath = path ? `${path}.${key}` : key;
      if (unstorable(key)) return { kind: 'text', path: childPath };
      if (machineryKey(key)) return { kind: 'key', path: childPath };
      pending.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}
