import { oneOf } from '../../values/one-of';
import { ProcedureReferred, REFERRAL_DESTINATIONS, procedureEvent } from '../events';
import { ProcedureState } from '../state/procedure.state';
import { assertNoOutcomeYet, procedureStep } from '../state/procedure-step';
import { ReferFromProcedure } from './refer.command';

/**
 * To the Asylum Home (Ljubljana or Logatec) after an intent, or to the Aliens Centre. A referral
 * to the asylum home entered before its intent is taken, and the intent listed as missing.
 */
export function refer(
  command: ReferFromProcedure,
  state: ProcedureState,
  now: Date,
): ProcedureReferred[] {
  const procedure = procedureStep(command, state, now);
  assertNoOutcomeYet(procedure);
  return [
    procedureEvent<ProcedureReferred>('procedure.referred', command.occurredAt, {
      procedureId: procedure.procedureId,
      personId: procedure.personId,
      destination: oneOf(
        REFERRAL_DESTINATIONS,
        command.destination,
        'PROCEDURE.INVALID_DESTINATION',
      ),
    }),
  ];
}
