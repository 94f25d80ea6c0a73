import { DomainError } from '@app/domain';

/** Another writer appended first. Retryable: reload, decide again. */
export class ConcurrencyConflictError extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number,
  ) {
    super(
      'STREAM.VERSION_CONFLICT',
      `The stream is at version ${currentVersion}, not ${expectedVersion}.`,
      { streamId, expectedVersion, currentVersion },
    );
  }
}

/** The same Idempotency-Key was sent with a different request. */
export class IdempotencyKeyReusedError extends DomainError {
  constructor(readonly idempotencyKey: string) {
    super(
      'IDEMPOTENCY.KEY_REUSED',
      'This Idempotency-Key was already used for a different request.',
      { idempotencyKey },
    );
  }
}
