import { assertNotInFuture } from '../../../shared/time';
import { RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { optionalText } from '../../../values/text';
import { CLOSURE_REASONS, CaseClosed, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase } from '../../state/guards';
import { CloseCase } from './close-case.command';

/** Nobody may be left on a legal clock of a case that takes no more entries (a history rule). */
export function closeCase(command: CloseCase, state: CaseState, now: Date): CaseClosed[] {
  const file = requireOpenCase(state, command.caseId);
  assertNotInFuture(command.occurredAt, now);
  return [
    caseEvent<CaseClosed>('case.closed', command.occurredAt, {
      caseId: file.caseId,
      reason: oneOf(CLOSURE_REASONS, command.reason, 'CASE.INVALID_CLOSURE_REASON'),
      note: optionalText(command.note, RULES.noteMaxLength, 'CASE.INVALID_NOTE', 'The note'),
    }),
  ];
}
