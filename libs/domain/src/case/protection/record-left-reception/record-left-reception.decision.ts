import { assertNotInFuture } from '../../../shared/time';
import { oneOf } from '../../../values/one-of';
import { ASYLUM_FACILITIES, LeftReceptionBeforeLodging, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase, requirePerson } from '../../state/guards';
import { RecordLeftReception } from './record-left-reception.command';

/** Leaving before lodging counts as withdrawal: the person may be returned, or express the intent again. */
export function recordLeftReception(
  command: RecordLeftReception,
  state: CaseState,
  now: Date,
): LeftReceptionBeforeLodging[] {
  const file = requireOpenCase(state, command.caseId);
  const person = requirePerson(file, command.personId);
  assertNotInFuture(command.occurredAt, now);
  return [
    caseEvent<LeftReceptionBeforeLodging>('protection.left-reception', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      facility: oneOf(ASYLUM_FACILITIES, command.facility, 'ASYLUM.INVALID_FACILITY'),
    }),
  ];
}
