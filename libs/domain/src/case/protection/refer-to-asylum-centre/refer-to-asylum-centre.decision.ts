import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { oneOf } from '../../../values/one-of';
import { ASYLUM_FACILITIES, ReferredToAsylumCentre, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { isHeld } from '../../state/custody';
import { requireOpenCase, requirePerson } from '../../state/guards';
import { ReferToAsylumCentre } from './refer-to-asylum-centre.command';

/** To the Asylum Home in Ljubljana or its Logatec branch, where the application is lodged. */
export function referToAsylumCentre(
  command: ReferToAsylumCentre,
  state: CaseState,
  now: Date,
): ReferredToAsylumCentre[] {
  const file = requireOpenCase(state, command.caseId);
  const person = requirePerson(file, command.personId);
  const refuse = (code: string, message: string): never => {
    throw new DomainError(code, message, { personId: person.personId });
  };
  if (person.protection === 'referred')
    refuse('ASYLUM.ALREADY_REFERRED', 'The person has already been referred.');
  if (person.protection !== 'intent-expressed') {
    refuse(
      'ASYLUM.NO_INTENT',
      'A referral follows an expressed intent to apply for international protection.',
    );
  }
  if (isHeld(person.custody)) {
    refuse(
      'CUSTODY.HELD_IN_CRIMINAL_CUSTODY',
      'A person held in criminal custody is not referred to reception.',
    );
  }
  assertNotInFuture(command.occurredAt, now);
  return [
    caseEvent<ReferredToAsylumCentre>('protection.referred-to-asylum-centre', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      facility: oneOf(ASYLUM_FACILITIES, command.facility, 'ASYLUM.INVALID_FACILITY'),
    }),
  ];
}
