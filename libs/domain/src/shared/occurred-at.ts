import { DomainError } from './domain-error';
import { RULES } from './rules';

/** A time given by an investigator: late entries are normal, future ones are typing errors. */
export function assertNotInFuture(occurredAt: Date, now: Date): void {
  if (Number.isNaN(occurredAt.getTime())) {
    throw new DomainError('TIME.INVALID', 'The time is not a valid instant.');
  }
  if (occurredAt.getTime() > now.getTime() + RULES.clockSkewToleranceMs) {
    throw new DomainError('TIME.IN_FUTURE', 'The time lies in the future.', {
      occurredAt: occurredAt.toISOString(),
      now: now.toISOString(),
    });
  }
}
