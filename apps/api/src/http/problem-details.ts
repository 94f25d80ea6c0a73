import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Request, Response } from 'express';

export class FieldError {
  @ApiProperty({ example: 'occurredAt' })
  field!: string;

  @ApiProperty({ type: [String] })
  messages!: string[];
}

/** RFC 9457 problem details, with `code` as the stable identifier clients branch on. */
export class ProblemDetails {
  @ApiProperty({ example: 'urn:problem:REQUEST.VALIDATION_FAILED' })
  type!: string;

  @ApiProperty({ example: 'The request is not valid.' })
  title!: string;

  @ApiProperty({ example: 400 })
  status!: number;

  @ApiPropertyOptional()
  detail?: string;

  @ApiPropertyOptional({ example: '/cases' })
  instance?: string;

  @ApiProperty({ example: 'REQUEST.VALIDATION_FAILED' })
  code!: string;

  @ApiPropertyOptional({
    type: [FieldError],
    description: 'Field errors, for REQUEST.VALIDATION_FAILED',
  })
  errors?: FieldError[];

  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problem(
  status: number,
  code: string,
  title: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  // Details come first: whatever they hold, they never override the standard members.
  return { ...extensions, type: `urn:problem:${code}`, title, status, code };
}

/**
 * HTTP status of each domain error code. Codes not listed are rule violations: 422.
 * A code's status is part of the API contract: change it only with a new API version.
 */
export const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  'STREAM.VERSION_CONFLICT': 409,
  'CASE.ALREADY_OPENED': 409,
  'CASE.NOT_FOUND': 404,
  'PROCEDURE.NOT_FOUND': 404,
  'JOINT_OPERATION.NOT_FOUND': 404,
  'PERSON.NOT_FOUND': 404,
  'PERSON.NOT_IN_CASE': 404,
  'PERSON.IDENTITY_CONFLICT': 409,
  'IDEMPOTENCY.KEY_REUSED': 422,
  'PERSON.DATA_ERASED': 410,
  'PERSON.ALREADY_ERASED': 409,
  'CONSULTATION.JUSTIFICATION_REQUIRED': 400,
  'CONSOLE.LOCAL_SIGN_IN_OFF': 404,
};

/** Codes for answers that come from HTTP itself rather than from this API's rules. */
export const CODE_BY_HTTP_STATUS: Readonly<Record<number, string>> = {
  400: 'REQUEST.MALFORMED',
  401: 'AUTH.UNAUTHENTICATED',
  403: 'AUTH.FORBIDDEN',
  404: 'ROUTE.NOT_FOUND',
  405: 'REQUEST.METHOD_NOT_ALLOWED',
  413: 'REQUEST.TOO_LARGE',
  412: 'REQUEST.PRECONDITION_FAILED',
  415: 'REQUEST.UNSUPPORTED_MEDIA_TYPE',
  416: 'REQUEST.RANGE_NOT_SATISFIABLE',
  429: 'REQUEST.RATE_LIMITED',
  503: 'SERVICE.UNAVAILABLE',
};

/** What a problem answer leaves on the response for the request's log line. */
export interface ProblemLocals {
  problemCode?: string;
  /** Why a 503 was answered: the dependency's own words, for the operator. */
  unavailableBecause?: string;
}

/** Answers with the problem, naming the request's path (never its query) as its instance. */
export function sendProblem(req: Request, res: Response, body: ProblemDetails): void {
  // The connection is gone (cut by the client, or by the server's request timeout, which
  // answered 408 itself): nobody would read this answer, and it must not be counted.
  if (req.socket.destroyed) return;
  // The request's log line names the answer's code (observability/http-logging.ts).
  (res.locals as ProblemLocals).problemCode = body.code;
  if (body.status === 503) res.setHeader('Retry-After', '5');
  if (body.status === 401) {
    // RFC 6750: a missing token gets the bare challenge, a bad one says so.
    res.setHeader(
      'WWW-Authenticate',
      body.code === 'AUTH.TOKEN_MISSING'
        ? 'Bearer realm="smuggling-cases"'
        : 'Bearer realm="smuggling-cases", error="invalid_token"',
    );
  }
  // The query is the caller's input and may hold anything, a secret too: never echoed, not
  // as the instance, nor in a title that quotes the URL (Nest's "Cannot GET /x?...").
  const path = req.originalUrl.split('?', 1)[0];
  const title = body.title.split(req.originalUrl).join(path);
  res
    .status(body.status)
    .type(PROBLEM_CONTENT_TYPE)
    .send(JSON.stringify({ ...body, title, instance: path }));
}
