import { DomainError } from '../../shared/domain-error';
import { RULES } from '../../shared/rules';
import { oneOf } from '../../values/one-of';
import { boundedText } from '../../values/text';
import { NEIGHBOURING_COUNTRIES, ProcedureHandedOver, procedureEvent } from '../events';
import { ProcedureState } from '../state/procedure.state';
import { assertNoOutcomeYet, procedureStep } from '../state/procedure-step';
import { HandOverFromProcedure } from './hand-over.command';

/** Readmission to a neighbouring country's police: never while an intent to seek protection stands. */
export function handOver(
  command: HandOverFromProcedure,
  state: ProcedureState,
  now: Date,
): ProcedureHandedOver[] {
  const procedure = procedureStep(command, state, now);
  assertNoOutcomeYet(procedure);
  if (procedure.intentAt && procedure.intentAt <= command.occurredAt) {
    throw new DomainError(
      'ASYLUM.CANNOT_RETURN',
      'The intent to apply for international protection stands: the person cannot be returned.',
      { intentAt: procedure.intentAt.toISOString() },
    );
  }
  return [
    procedureEvent<ProcedureHandedOver>('procedure.handed-over', command.occurredAt, {
      procedureId: procedure.procedureId,
      personId: procedure.personId,
      country: oneOf(NEIGHBOURING_COUNTRIES, command.country, 'PROCEDURE.INVALID_COUNTRY'),
      authority: boundedText(
        command.authority,
        RULES.shortTextMaxLength,
        'CUSTODY.INVALID_AUTHORITY',
        'The authority',
      ),
    }),
  ];
}
