import { DomainError } from '../../shared/domain-error';
import { BorderDetentionStarted, procedureEvent } from '../events';
import { ProcedureState } from '../state/procedure.state';
import { procedureStep } from '../state/procedure-step';
import { StartBorderDetention } from './start-border-detention.command';

/**
 * Starts the 48-hour clock of the State Border Control Act; once per procedure, before it ends
 * (a chronology rule).
 */
export function startBorderDetention(
  command: StartBorderDetention,
  state: ProcedureState,
  now: Date,
): BorderDetentionStarted[] {
  const procedure = procedureStep(command, state, now);
  if (procedure.borderDetentionAt) {
    throw new DomainError(
      'PROCEDURE.ALREADY_IN_BORDER_DETENTION',
      'The border detention of this procedure is already on record.',
    );
  }
  return [
    procedureEvent<BorderDetentionStarted>(
      'procedure.border-detention-started',
      command.occurredAt,
      {
        procedureId: procedure.procedureId,
        personId: procedure.personId,
      },
    ),
  ];
}
