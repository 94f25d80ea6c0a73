import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Request, Response } from 'express';
import {
  CODE_BY_HTTP_STATUS,
  PROBLEM_CATALOGUE,
  ProblemCode,
  UnlistedStatusCode,
} from './problem-catalogue';

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

/** The problem with `code`, answered with the status the catalogue gives it. */
export function problem(
  code: ProblemCode,
  title: string,
  extensions: Record<string, unknown> = {},
): ProblemDetails {
  return withStatus(PROBLEM_CATALOGUE[code].status, code, title, extensions);
}

/**
 * The problem for an error that brings nothing but an HTTP status: the catalogue's code for
 * that status, else `HTTP.<status>`.
 */
export function statusProblem(status: number, title: string): ProblemDetails {
  const code = CODE_BY_HTTP_STATUS[status];
  return code ? problem(code, title) : withStatus(status, `HTTP.${status}`, title, {});
}

function withStatus(
  status: number,
  code: ProblemCode | UnlistedStatusCode,
  title: string,
  extensions: Record<string, unknown>,
): ProblemDetails {
  // Details come first: whatever they hold, they never override the standard members.
  return { ...extensions, type: `urn:problem:${code}`, title, status, code };
}

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
