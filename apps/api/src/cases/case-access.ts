import { Actor, AccessDeniedError, mayAccessDirectorate } from '@app/auth';
import { CaseState, DomainError } from '@app/domain';

/**
 * A case outside the caller's reach answers exactly as a case that does not exist, so that
 * guessing ids tells nothing (OWASP API1, broken object-level authorization).
 */
export function assertCaseVisible<Case extends { readonly directorate: string }>(
  actor: Actor,
  caseId: string,
  found: Case | null | undefined,
): asserts found is Case {
  if (!found || !mayAccessDirectorate(actor, found.directorate)) {
    throw new DomainError('CASE.NOT_FOUND', 'No such case.', { caseId });
  }
}

/** Opening a case, or recording a procedure: only in a directorate within the caller's reach. */
export function assertMayOpenIn(actor: Actor, directorate: string, what = 'open a case'): void {
  if (!mayAccessDirectorate(actor, directorate)) {
    throw new AccessDeniedError(
      'AUTH.FORBIDDEN',
      `${/^[aeiou]/.test(actor.role) ? 'An' : 'A'} ${actor.role} of ${actor.directorate} may not ${what} for ${directorate}.`,
    );
  }
}

export const caseVisibleTo =
  (actor: Actor, caseId: string) =>
  (state: CaseState): void =>
    assertCaseVisible(actor, caseId, state.status === 'none' ? undefined : state);
