import { AccessDeniedError, AuthenticationError, KeySourceUnavailableError } from '@app/auth';
import { DomainError } from '@app/domain';
import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { isDependencyUnavailable } from '@app/platform';
import { ApiRefusal } from './api-refusal';
import {
  ProblemDetails,
  ProblemLocals,
  problem,
  sendProblem,
  statusProblem,
} from './problem-details';
import { ReadModelBehindError } from '../read-side/freshness';
import { RequestValidationError } from './request-validation';

export function toProblem(exception: unknown): ProblemDetails {
  if (exception instanceof RequestValidationError) {
    return problem('REQUEST.VALIDATION_FAILED', exception.message, {
      errors: exception.errors,
    });
  }
  if (exception instanceof AuthenticationError || exception instanceof AccessDeniedError) {
    return problem(exception.code, exception.message);
  }
  if (exception instanceof ReadModelBehindError) {
    return problem('READ_MODEL.BEHIND', exception.message, {
      projection: exception.projection,
      minPosition: exception.position,
    });
  }
  if (exception instanceof KeySourceUnavailableError) {
    return problem('SERVICE.UNAVAILABLE', 'A backing service is unavailable; retry later.');
  }
  if (exception instanceof DomainError) {
    return problem(exception.code, exception.message, { ...exception.details });
  }
  if (exception instanceof ApiRefusal) {
    return problem(exception.code, exception.message);
  }
  if (exception instanceof HttpException) {
    // Nest's own messages ("Cannot GET /x") are safe to show; they carry no internals.
    return statusProblem(exception.getStatus(), exception.message);
  }
  if (isUnstorableText(exception)) {
    return problem('REQUEST.INVALID_CHARACTER', 'The text cannot be stored.');
  }
  if (isDependencyUnavailable(exception)) {
    return problem('SERVICE.UNAVAILABLE', 'A backing service is unavailable; retry later.');
  }
  return problem('INTERNAL', 'An unexpected error occurred.');
}

/** Postgres refuses some text (NUL in JSON, bytes invalid in UTF-8): the client's input, a 400. */
function isUnstorableText(exception: unknown): boolean {
  const code = (exception as { driverError?: { code?: unknown } })?.driverError?.code;
  return code === '22P05' || code === '22021';
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
    if (body.status === 503) {
      // Expected while a dependency is away, and retried by the client: the request's own log
      // line (at warn) says why, and no stack is needed to act on it.
      (response.locals as ProblemLocals).unavailableBecause = describe(exception);
    } else if (body.status >= 500) {
      this.logger.error(
        `${request.method} ${request.path} failed: ${String(exception)}`,
        exception instanceof Error ? exception.stack : undefined,
      );
    }
    sendProblem(request, response, body);
  }
}

/** The failure's own words, short: a driver's message about a connection names no data. */
function describe(exception: unknown): string {
  const text = exception instanceof Error ? `${exception.name}: ${exception.message}` : 'unknown';
  return text.slice(0, 200);
}
