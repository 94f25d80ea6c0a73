import express, { NextFunction, Request, Response } from 'express';
import { PROBLEM_CONTENT_TYPE, problem } from './problem-details';

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
        ? problem(400, 'REQUEST.MALFORMED_JSON', 'The body is not valid JSON.')
        : error.status && error.status >= 400 && error.status < 500
          ? problem(error.status, 'REQUEST.MALFORMED', 'The request body could not be read.')
          : undefined;
  if (!body) return next(error);
  res
    .status(body.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...body, instance: req.originalUrl }));
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
    res
      .status(415)
      .type(PROBLEM_CONTENT_TYPE)
      .send(JSON.stringify({ ...body, instance: req.originalUrl }));
    return;
  }
  next();
}
