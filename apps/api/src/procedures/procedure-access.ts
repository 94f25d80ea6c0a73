import { Actor, mayAccessDirectorate } from '@app/auth';
import { DomainError, ProcedureState } from '@app/domain';

/**
 * A procedure outside the caller's directorate answers exactly as one that does not exist, as
 * cases do (see cases/case-access.ts).
 */
export function assertProcedureVisible<P extends { readonly directorate: string }>(
  actor: Actor,
  procedureId: string,
  found: P | null | undefined,
): asserts found is P {
  if (!found || !mayAccessDirectorate(actor, found.directorate)) {
    throw new DomainError('PROCEDURE.NOT_FOUND', 'No such procedure.', { procedureId });
  }
}

export const procedureVisibleTo =
  (actor: Actor, procedureId: string) =>
  (state: ProcedureState): void =>
    assertProcedureVisible(actor, procedureId, state.status === 'none' ? undefined : state);
