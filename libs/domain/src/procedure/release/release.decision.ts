import { RULES } from '../../shared/rules';
import { boundedText } from '../../values/text';
import { ProcedureReleased, procedureEvent } from '../events';
import { ProcedureState } from '../state/procedure.state';
import { assertNoOutcomeYet, procedureStep } from '../state/procedure-step';
import { ReleaseFromProcedure } from './release.command';

/** The person goes free (e.g. told to leave the country); it ends any border detention. */
export function release(
  command: ReleaseFromProcedure,
  state: ProcedureState,
  now: Date,
): ProcedureReleased[] {
  const procedure = procedureStep(command, state, now);
  assertNoOutcomeYet(procedure);
  return [
    procedureEvent<ProcedureReleased>('procedure.released', command.occurredAt, {
      procedureId: procedure.procedureId,
      personId: procedure.personId,
      reason: boundedText(
        command.reason,
        RULES.shortTextMaxLength,
        'PROCEDURE.INVALID_REASON',
        'The reason',
      ),
    }),
  ];
}
