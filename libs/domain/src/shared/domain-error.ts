import { RefusalCode } from './refusals';

/**
 * A refusal by the domain. `code` is a stable identifier of the refusal catalogue
 * (e.g. `CASE.ALREADY_OPENED`, see refusals.ts) that clients and the HTTP problem filter rely on;
 * the message is for people and may change. The details become members of the problem
 * response, so they never use its own member names: `code`, `type`, `title`, `status`,
 * `instance`.
 */
export class DomainError extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
