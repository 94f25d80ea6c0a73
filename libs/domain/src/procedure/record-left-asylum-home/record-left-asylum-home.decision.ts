import { ASYLUM_FACILITIES } from '../../case/events';
import { DomainError } from '../../shared/domain-error';
import { oneOf } from '../../values/one-of';
import { LeftAsylumHome, procedureEvent } from '../events';
import { ProcedureState } from '../state/procedure.state';
import { procedureStep } from '../state/procedure-step';
import { RecordLeftAsylumHome } from './record-left-asylum-home.command';

/**
 * The person left the asylum home before lodging the application (which counts as withdrawing
 * it). Caught again later, they start a new procedure and say the intent again: both counted.
 * With no referral on record yet, the departure is taken and the referral listed as missing;
 * with one, it must be to that home and before (a chronology rule).
 */
export function recordLeftAsylumHome(
  command: RecordLeftAsylumHome,
  state: ProcedureState,
  now: Date,
): LeftAsylumHome[] {
  const procedure = procedureStep(command, state, now);
  const facility = oneOf(ASYLUM_FACILITIES, command.facility, 'ASYLUM.INVALID_FACILITY');
  if (procedure.leftAsylumHome) {
    throw new DomainError(
      'PROCEDURE.ALREADY_LEFT',
      'The departure from the asylum home is already on record.',
    );
  }
  return [
    procedureEvent<LeftAsylumHome>('procedure.left-asylum-home', command.occurredAt, {
      procedureId: procedure.procedureId,
      personId: procedure.personId,
      facility,
    }),
  ];
}
