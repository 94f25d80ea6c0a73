import express, { NextFunction, Request, Response } from 'express';
import { problem, sendProblem } from './problem-details';

const BODY_LIMIT = '64kb';

/**
 * Body parsing is an Express middleware, so its failures never reach Nest's exception
 * filters. This pair parses strict JSON only and turns parser failures into problems.
 */
export const jsonBodyParser = express.json({ limit: BODY_LIMIT, strict: true });

export function bodyParserErrors(
  error: { type?: string; status?: number },
  req: Request,
  res: Response,
  next: NextFunction,
): void {
  const body =
    error.type === 'entity.too.large'
      ? problem(413, 'REQUEST.TOO_LARGE', `The body exceeds ${BODY_LIMIT}.`)
      : error.type === 'entity.parse.failed'
        ? problem(400, 'REQUEST.MALFORMED_JSON', 'The body is not a JSON object or array.')
        : error.type === 'charset.unsupported' || error.type === 'encoding.unsupported'
          ? problem(415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE', 'Request bodies must be UTF-8 JSON.')
          : error.status && error.status >= 400 && error.status < 500
            ? problem(error.status, 'REQUEST.MALFORMED', 'The request body could not be read.')
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
      415,
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
      'Request bodies must be application/json.',
    );
    sendProblem(req, res, body);
    return;
  }
  next();
}

/**
 * Refused on the raw body, before the DTOs see it: text Postgres cannot store (NUL) would be a
 * 500 later, and keys that name JavaScript's object machinery are silently dropped by
 * class-transformer or reach prototypes.
 */
export function refuseHostileJson(req: Request, res: Response, next: NextFunction): void {
  const found = hostile(req.body, '');
  if (!found) return next();
  const body =
    found.kind === 'nul'
      ? problem(400, 'REQUEST.INVALID_CHARACTER', 'Text may not contain the NUL character.')
      : problem(400, 'REQUEST.VALIDATION_FAILED', 'The request is not valid.', {
          errors: [
            { field: found.path, messages: [`${found.path} is not an allowed property name`] },
          ],
        });
  sendProblem(req, res, body);
}

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function hostile(value: unknown, path: string): { kind: 'nul' | 'key'; path: string } | null {
  if (typeof value === 'string') return value.includes('\u0000') ? { kind: 'nul', path } : null;
  if (value === null || typeof value !== 'object') return null;
  for (const [key, item] of Object.entries(value)) {
    const itemPath = path ? `${path}.${key}` : key;
    if (key.includes('\u0000')) return { kind: 'nul', path: itemPath };
    if (FORBIDDEN_KEYS.has(key)) return { kind: 'key', path: itemPath };
    const found = hostile(item, itemPath);
    if (found) return found;
  }
  return null;
}
