import { assertNotInFuture } from '../../shared/time';
import { DomainError } from '../../shared/domain-error';
import { Procedure, ProcedureState, requireProcedure } from './procedure.state';

/** Every later fact of a procedure names it and when it happened. */
export interface ProcedureStepCommand {
  readonly procedureId: string;
  readonly occurredAt: Date;
}

/**
 * The common ground of every later fact: a procedure on record and a time not in the future.
 * Where the fact may stand in the procedure's chronology is judged on the procedure it would
 * make (`chronologyBreak`, in `decideProcedure`), whatever order the facts were entered in.
 */
export function procedureStep(
  command: ProcedureStepCommand,
  state: ProcedureState,
  now: Date,
): Procedure {
  const procedure = requireProcedure(state, command.procedureId);
  assertNotInFuture(command.occurredAt, now);
  return procedure;
}

/** A procedure ends once: a referral, a handover or a release, never two of them. */
export function assertNoOutcomeYet(procedure: Procedure): void {
  if (procedure.referral || procedure.handedOverAt || procedure.releasedAt) {
    throw new DomainError(
      'PROCEDURE.CONCLUDED',
      'The procedure already ended in a referral, a handover or a release.',
    );
  }
}
