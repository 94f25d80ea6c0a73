import { assertNotInFuture } from '../../../shared/time';
import { oneOf } from '../../../values/one-of';
import { ASYLUM_FACILITIES, ReferredToAsylumCentre, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase, requirePerson } from '../../state/guards';
import { ReferToAsylumCentre } from './refer-to-asylum-centre.command';

/**
 * To the Asylum Home in Ljubljana or its Logatec branch, where the application is lodged. A
 * referral with no intent on record lists the intent as missing until it is entered.
 */
export function referToAsylumCentre(
  command: ReferToAsylumCentre,
  state: CaseState,
  now: Date,
): ReferredToAsylumCentre[] {
  const file = requireOpenCase(state, command.caseId);
  const person = requirePerson(file, command.personId);
  assertNotInFuture(command.occurredAt, now);
  return [
    caseEvent<ReferredToAsylumCentre>('protection.referred-to-asylum-centre', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      facility: oneOf(ASYLUM_FACILITIES, command.facility, 'ASYLUM.INVALID_FACILITY'),
    }),
  ];
}
