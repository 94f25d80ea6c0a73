import { ApiRefusalCode } from './problem-catalogue';

/**
 * A refusal by the API itself, of what the domain knows nothing of (its console's sign-in, a
 * read without a justification). Answered as a DomainError is: the catalogue's status, the
 * message as the title.
 */
export class ApiRefusal extends Error {
  constructor(
    readonly code: ApiRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'ApiRefusal';
  }
}
