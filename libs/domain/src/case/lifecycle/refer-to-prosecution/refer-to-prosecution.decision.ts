import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { boundedText } from '../../../values/text';
import { CaseReferredToProsecution, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase } from '../../state/guards';
import { ReferToProsecution } from './refer-to-prosecution.command';

export function referToProsecution(
  command: ReferToProsecution,
  state: CaseState,
  now: Date,
): CaseReferredToProsecution[] {
  const file = requireOpenCase(state, command.caseId);
  assertNotInFuture(command.occurredAt, now);
  if (file.complaintReferences.length === 0) {
    throw new DomainError(
      'CASE.NO_CRIMINAL_COMPLAINT',
      'A case is referred to prosecution after a criminal complaint is filed.',
    );
  }
  if (file.referredAt) {
    throw new DomainError(
      'CASE.ALREADY_REFERRED',
      'The case has already been referred to prosecution.',
    );
  }
  return [
    caseEvent<CaseReferredToProsecution>('case.referred-to-prosecution', command.occurredAt, {
      caseId: file.caseId,
      prosecutorOffice: boundedText(
        command.prosecutorOffice,
        RULES.shortTextMaxLength,
        'CASE.INVALID_PROSECUTOR_OFFICE',
        'The prosecutor office',
      ),
    }),
  ];
}
