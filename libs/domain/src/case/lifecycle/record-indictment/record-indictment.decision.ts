import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { boundedText } from '../../../values/text';
import { IndictmentFiled, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase, requireSuspect } from '../../state/guards';
import { RecordIndictment } from './record-indictment.command';

/** An indictment moves its defendants' remand onto the post-indictment ceiling. */
export function recordIndictment(
  command: RecordIndictment,
  state: CaseState,
  now: Date,
): IndictmentFiled[] {
  const file = requireOpenCase(state, command.caseId);
  assertNotInFuture(command.occurredAt, now);
  if (!file.referredAt) {
    throw new DomainError(
      'CASE.NOT_REFERRED',
      'An indictment follows the referral of the case to prosecution.',
    );
  }
  const reference = boundedText(
    command.reference,
    RULES.shortTextMaxLength,
    'CASE.INVALID_REFERENCE',
    'The reference',
  );
  if (file.indictmentReferences.includes(reference)) {
    throw new DomainError(
      'CASE.INDICTMENT_ALREADY_RECORDED',
      'An indictment with this reference is already recorded.',
      { reference },
    );
  }
  const defendantIds = [...new Set(command.defendantIds)];
  if (defendantIds.length === 0) {
    throw new DomainError('CASE.NO_DEFENDANTS', 'An indictment names at least one defendant.');
  }
  defendantIds.forEach((id) => requireSuspect(file, id));
  return [
    caseEvent<IndictmentFiled>('case.indictment-filed', command.occurredAt, {
      caseId: file.caseId,
      court: boundedText(
        command.court,
        RULES.shortTextMaxLength,
        'CASE.INVALID_COURT',
        'The court',
      ),
      reference,
      defendantIds,
    }),
  ];
}
