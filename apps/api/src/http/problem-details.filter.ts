import { AccessDeniedError, AuthenticationError, KeySourceUnavailableError } from '@app/auth';
import { DomainError } from '@app/domain';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import {
  CODE_BY_HTTP_STATUS,
  ProblemDetails,
  STATUS_BY_CODE,
  problem,
  sendProblem,
} from './problem-details';
import { ReadModelBehindError } from '../read-side/freshness';
import { RequestValidationError } from './request-validation';

// Postgres and socket errors that mean "the database is not there right now".
const UNAVAILABLE_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
]);

export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof RequestValidationError) {
    return problem(400, 'REQUEST.VALIDATION_FAILED', exception.message, {
      errors: exception.errors,
    });
  }
  if (exception instanceof AuthenticationError) {
    return problem(401, exception.code, exception.message);
  }
  if (exception instanceof AccessDeniedError) {
    return problem(403, exception.code, exception.message);
  }
  if (exception instanceof ReadModelBehindError) {
    return problem(503, 'READ_MODEL.BEHIND', exception.message, {
      projection: exception.projection,
      minPosition: exception.position,
    });
  }
  if (exception instanceof KeySourceUnavailableError) {
    return problem(503, 'SERVICE.UNAVAILABLE', 'A backing service is unavailable; retry later.');
  }
  if (exception instanceof DomainError) {
    return problem(STATUS_BY_CODE[exception.code] ?? 422, exception.code, exception.message, {
      ...exception.details,
    });
  }
  if (exception instanceof HttpException) {
    const status = exception.getStatus();
    const code = CODE_BY_HTTP_STATUS[status] ?? `HTTP.${status}`;
    // Nest's own messages ("Cannot GET /x") are safe to show; they carry no internals.
    return problem(status, code, exception.message);
  }
  if (isUnstorableText(exception)) {
    return problem(400, 'REQUEST.INVALID_CHARACTER', 'The text cannot be stored.');
  }
  if (isUnavailable(exception)) {
    return problem(503, 'SERVICE.UNAVAILABLE', 'A backing service is unavailable; retry later.');
  }
  return problem(500, 'INTERNAL', 'An unexpected error occurred.');
}

/** Postgres refuses some text (NUL in JSON, bytes invalid in UTF-8): the client's input, a 400. */
function isUnstorableText(exception: unknown): boolean {
  const code = (exception as { driverError?: { code?: unknown } })?.driverError?.code;
  return code === '22P05' || code === '22021';
}

function isUnavailable(exception: unknown): boolean {
  // The connection died under a request already running (Postgres stopping): TypeORM then
  // refuses the released query runner's next statement. Retrying is the answer, with the
  // same Idempotency-Key where the commit's outcome is unknown.
  if (exception instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const error = exception as {
    code?: unknown;
    driverError?: { code?: unknown };
    message?: unknown;
  };
  const code = error?.driverError?.code ?? error?.code;
  if (typeof code === 'string' && UNAVAILABLE_ERRORS.has(code)) return true;
  return (
    typeof error?.message === 'string' &&
    /Connection terminated|timeout exceeded when trying to connect/.test(error.message)
  );
}

/** The one place where failures become HTTP answers: application/problem+json, never a stack. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request>();
    const response = http.getResponse<Response>();
    const body = toProblem(exception);
    if (body.status >= 500) {
      this.logger.error(
        `${request.method} ${request.path} failed: ${String(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    sendProblem(request, response, body);
  }
}
