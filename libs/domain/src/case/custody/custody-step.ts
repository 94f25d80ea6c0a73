import { assertNotInFuture } from '../../shared/time';
import { CaseFile, CaseState, PersonInCase } from '../state/case.state';
import { requireOpenCase, requireSuspect } from '../state/guards';

export interface CustodyCommand {
  readonly caseId: string;
  readonly personId: string;
  readonly occurredAt: Date;
}

/**
 * The common ground of every custody step: an open case, a suspect in it, a time not in the
 * future. Which phase the step may follow is a history rule (`state/chronology.ts`), judged at
 * the step's time, so that a step may be entered before or after the facts around it.
 */
export function custodyStep(
  command: CustodyCommand,
  state: CaseState,
  now: Date,
): { file: CaseFile; person: PersonInCase } {
  const file = requireOpenCase(state, command.caseId);
  const person = requireSuspect(file, command.personId);
  assertNotInFuture(command.occurredAt, now);
  return { file, person };
}
