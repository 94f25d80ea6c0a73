import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { boundedText } from '../../../values/text';
import { EntryWithdrawn, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { withdrawnIds } from '../../state/evolve';
import { requireCase } from '../../state/guards';
import { WithdrawEntry } from './withdraw-entry.command';

/**
 * An entry made in error is withdrawn, never deleted: the history keeps both, the folds ignore
 * the entry from now on. Like a correction, a withdrawal is taken by a closed case too; the
 * history rules refuse one that would leave an unlawful chronology.
 */
export function withdrawEntry(
  command: WithdrawEntry,
  state: CaseState,
  now: Date,
): EntryWithdrawn[] {
  const file = requireCase(state, command.caseId);
  const target = file.history.find((e) => e.eventId === command.withdrawnEventId);
  if (!target) {
    throw new DomainError('WITHDRAWAL.UNKNOWN_EVENT', 'This case has no such entry.', {
      eventId: command.withdrawnEventId,
    });
  }
  if (target.type === 'case.opened') {
    throw new DomainError(
      'WITHDRAWAL.CASE_OPENING',
      'The opening of a case is not withdrawn; correct it, or close the case.',
    );
  }
  if (withdrawnIds(file.history).has(command.withdrawnEventId)) {
    throw new DomainError('WITHDRAWAL.ALREADY_WITHDRAWN', 'The entry is already withdrawn.', {
      eventId: command.withdrawnEventId,
    });
  }
  return [
    caseEvent<EntryWithdrawn>('case.entry-withdrawn', now, {
      caseId: file.caseId,
      withdrawnEventId: command.withdrawnEventId,
      withdrawnEventType: target.type,
      reason: boundedText(
        command.reason,
        RULES.noteMaxLength,
        'WITHDRAWAL.INVALID_REASON',
        'The reason',
      ),
    }),
  ];
}
