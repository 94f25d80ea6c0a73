import { DomainError } from '@app/domain';
import { ConcurrencyConflictError } from '@app/event-store';
import { NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
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
