import { DomainError } from '@app/domain';
import { ConcurrencyConflictError } from '@app/event-store';
import { AccessDeniedError, AuthenticationError } from '@app/auth';
import { HttpException, NotFoundException } from '@nestjs/common';
import { QueryFailedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { ApiRefusal } from './api-refusal';
import { toProblem } from './problem-details.filter';
import { RequestValidationError } from './request-validation';

describe('problem responses', () => {
  it('answers a version conflict with 409 and the current version', () => {
    expect(
      toProblem(new ConcurrencyConflictError('c0ffee00-0000-4000-8000-000000000000', 2, 5)),
    ).toEqual({
      type: 'urn:problem:STREAM.VERSION_CONFLICT',
      title: 'The stream is at version 5, not 2.',
      status: 409,
      code: 'STREAM.VERSION_CONFLICT',
      streamId: 'c0ffee00-0000-4000-8000-000000000000',
      expectedVersion: 2,
      currentVersion: 5,
    });
  });

  it('answers a rule the domain enforces with 422 and its code', () => {
    expect(
      toProblem(new DomainError('TIME.IN_FUTURE', 'The time lies in the future.')),
    ).toMatchObject({
      status: 422,
      code: 'TIME.IN_FUTURE',
    });
  });

  it('answers invalid input with 400 and the fields at fault', () => {
    const problem = toProblem(
      new RequestValidationError([{ field: 'summary', messages: ['too long'] }]),
    );
    expect(problem).toMatchObject({ status: 400, code: 'REQUEST.VALIDATION_FAILED' });
    expect(problem.errors).toEqual([{ field: 'summary', messages: ['too long'] }]);
  });

  it('maps framework HTTP errors to stable codes', () => {
    expect(toProblem(new NotFoundException('Cannot GET /x'))).toMatchObject({
      status: 404,
      code: 'ROUTE.NOT_FOUND',
    });
  });

  it("answers the API's own refusals with their catalogue status", () => {
    expect(toProblem(new ApiRefusal('CONSULTATION.JUSTIFICATION_REQUIRED', 'State why.'))).toEqual({
      type: 'urn:problem:CONSULTATION.JUSTIFICATION_REQUIRED',
      title: 'State why.',
      status: 400,
      code: 'CONSULTATION.JUSTIFICATION_REQUIRED',
    });
    expect(toProblem(new ApiRefusal('CONSOLE.LOCAL_SIGN_IN_OFF', 'No.'))).toMatchObject({
      status: 404,
    });
    expect(toProblem(new ApiRefusal('CONSOLE.INVALID_SIGN_IN', 'No.'))).toMatchObject({
      status: 422,
    });
  });

  it('answers a missing or bad token with 401, a refused role with 403', () => {
    expect(toProblem(new AuthenticationError('AUTH.TOKEN_EXPIRED', 'Expired.'))).toMatchObject({
      status: 401,
      code: 'AUTH.TOKEN_EXPIRED',
    });
    expect(toProblem(new AccessDeniedError('AUTH.NO_POLICY', 'No policy.'))).toMatchObject({
      status: 403,
      code: 'AUTH.NO_POLICY',
    });
  });

  it('names a framework status no code stands for by the status', () => {
    expect(toProblem(new HttpException("I'm a teapot", 418))).toEqual({
      type: 'urn:problem:HTTP.418',
      title: "I'm a teapot",
      status: 418,
      code: 'HTTP.418',
    });
  });

  it('answers an unreachable database with 503', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
      code: 'ECONNREFUSED',
    });
    expect(toProblem(refused)).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE' });
    const shutdown = new QueryFailedError(
      'SELECT 1',
      [],
      Object.assign(new Error('terminating'), { code: '57P01' }),
    );
    expect(toProblem(shutdown)).toMatchObject({ status: 503, code: 'SERVICE.UNAVAILABLE' });
    // What a request already running gets when Postgres stops under it (the fault suite).
    expect(toProblem(new QueryRunnerProviderAlreadyReleasedError())).toMatchObject({
      status: 503,
      code: 'SERVICE.UNAVAILABLE',
    });
  });

  it("never lets a domain error's details replace the standard members", () => {
    const hostile = new DomainError('CASE.CLOSED', 'The case is closed.', {
      code: 'EVIL',
      type: 'about:blank',
      status: 200,
      title: 'ok',
      caseId: 'c-1',
    });
    expect(toProblem(hostile)).toMatchObject({
      type: 'urn:problem:CASE.CLOSED',
      status: 422,
      code: 'CASE.CLOSED',
      title: 'The case is closed.',
      caseId: 'c-1',
    });
  });

  it('answers text Postgres cannot store with 400', () => {
    const nul = new QueryFailedError(
      'INSERT',
      [],
      Object.assign(new Error('unsupported Unicode escape sequence'), { code: '22P05' }),
    );
    expect(toProblem(nul)).toMatchObject({ status: 400, code: 'REQUEST.INVALID_CHARACTER' });
  });

  it('never shows the internals of an unexpected failure', () => {
    const problem = toProblem(
      new Error('duplicate key value violates unique constraint "secret_table_pkey"'),
    );
    expect(problem).toEqual({
      type: 'urn:problem:INTERNAL',
      title: 'An unexpected error occurred.',
      status: 500,
      code: 'INTERNAL',
    });
  });
});
