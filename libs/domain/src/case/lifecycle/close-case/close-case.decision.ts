import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { optionalText } from '../../../values/text';
import { CLOSURE_REASONS, CaseClosed, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { isHeld } from '../../state/custody';
import { requireOpenCase } from '../../state/guards';
import { CloseCase } from './close-case.command';

/** Nobody may be left on a legal clock of a case that takes no more entries. */
export function closeCase(command: CloseCase, state: CaseState, now: Date): CaseClosed[] {
  const file = requireOpenCase(state, command.caseId);
  assertNotInFuture(command.occurredAt, now);
  const held = Object.values(file.persons)
    .filter((p) => isHeld(p.custody))
    .map((p) => p.personId);
  if (held.length > 0) {
    throw new DomainError(
      'CASE.PERSONS_HELD',
      'The case cannot be closed while persons are held in it.',
      { personIds: held },
    );
  }
  return [
    caseEvent<CaseClosed>('case.closed', command.occurredAt, {
      caseId: file.caseId,
      reason: oneOf(CLOSURE_REASONS, command.reason, 'CASE.INVALID_CLOSURE_REASON'),
      note: optionalText(command.note, RULES.noteMaxLength, 'CASE.INVALID_NOTE', 'The note'),
    }),
  ];
}
