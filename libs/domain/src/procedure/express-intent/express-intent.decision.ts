import { INTENT_STATEMENTS } from '../../case/events';
import { DomainError } from '../../shared/domain-error';
import { oneOf } from '../../values/one-of';
import { ProcedureIntentExpressed, procedureEvent } from '../events';
import { ProcedureState } from '../state/procedure.state';
import { procedureStep } from '../state/procedure-step';
import { ExpressIntentInProcedure } from './express-intent.command';

/**
 * The intent to apply for international protection, once per procedure (a person caught again
 * expresses it again in the new procedure). Expressed before a handover entered earlier, it is
 * recorded, and the return shows as unlawful; after a handover or a release the person was gone.
 */
export function expressIntent(
  command: ExpressIntentInProcedure,
  state: ProcedureState,
  now: Date,
): ProcedureIntentExpressed[] {
  const procedure = procedureStep(command, state, now);
  if (procedure.intentAt) {
    throw new DomainError(
      'PROCEDURE.INTENT_ALREADY_RECORDED',
      'The intent of this procedure is already on record.',
    );
  }
  const gone = [procedure.handedOverAt, procedure.releasedAt].find(
    (at) => at && at <= command.occurredAt,
  );
  if (gone) {
    throw new DomainError(
      'PROCEDURE.CONCLUDED',
      'The person was handed over or released by then.',
      {
        concludedAt: gone.toISOString(),
      },
    );
  }
  return [
    procedureEvent<ProcedureIntentExpressed>(
      'procedure.asylum-intent-expressed',
      command.occurredAt,
      {
        procedureId: procedure.procedureId,
        personId: procedure.personId,
        statement: oneOf(INTENT_STATEMENTS, command.statement, 'ASYLUM.INVALID_STATEMENT'),
      },
    ),
  ];
}
