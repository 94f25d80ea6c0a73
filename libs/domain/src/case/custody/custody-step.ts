import { DomainError } from '../../shared/domain-error';
import { CaseFile, CaseState, PersonInCase } from '../state/case.state';
import { Custody, CustodyPhase } from '../state/custody';
import { assertNotInFuture } from '../../shared/time';
import { requireOpenCase, requireSuspect } from '../state/guards';

export interface CustodyCommand {
  readonly caseId: string;
  readonly personId: string;
  readonly occurredAt: Date;
}

/**
 * The common ground of every custody step: an open case, a suspect in it, a time in order,
 * and a custody phase the step can follow. `refusal` names what is wrong in the other phases.
 */
export function custodyStep<P extends CustodyPhase>(
  command: CustodyCommand,
  state: CaseState,
  now: Date,
  allowed: readonly P[],
  refusal: (phase: CustodyPhase) => [code: string, message: string],
): { file: CaseFile; person: PersonInCase; custody: Extract<Custody, { phase: P }> } {
  const file = requireOpenCase(state, command.caseId);
  const person = requireSuspect(file, command.personId);
  if (!(allowed as readonly CustodyPhase[]).includes(person.custody.phase)) {
    const [code, message] = refusal(person.custody.phase);
    throw new DomainError(code, message, {
      personId: person.personId,
      phase: person.custody.phase,
    });
  }
  // Time order is checked by the history rules, on the events decided.
  assertNotInFuture(command.occurredAt, now);
  return { file, person, custody: person.custody as Extract<Custody, { phase: P }> };
}

export const NOT_HELD: [string, string] = [
  'CUSTODY.NOT_HELD',
  'The person is not held in this case.',
];
