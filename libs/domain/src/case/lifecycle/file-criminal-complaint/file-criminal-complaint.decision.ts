import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { boundedText } from '../../../values/text';
import { CriminalComplaintFiled, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase, requireSuspect } from '../../state/guards';
import { FileCriminalComplaint } from './file-criminal-complaint.command';

export function fileCriminalComplaint(
  command: FileCriminalComplaint,
  state: CaseState,
  now: Date,
): CriminalComplaintFiled[] {
  const file = requireOpenCase(state, command.caseId);
  assertNotInFuture(command.occurredAt, now);
  const reference = boundedText(
    command.reference,
    RULES.shortTextMaxLength,
    'CASE.INVALID_REFERENCE',
    'The reference',
  );
  if (file.complaintReferences.includes(reference)) {
    throw new DomainError(
      'CASE.COMPLAINT_ALREADY_FILED',
      'A complaint with this reference is already filed.',
      { reference },
    );
  }
  const suspectIds = [...new Set(command.suspectIds)];
  suspectIds.forEach((id) => requireSuspect(file, id));
  return [
    caseEvent<CriminalComplaintFiled>('case.criminal-complaint-filed', command.occurredAt, {
      caseId: file.caseId,
      prosecutorOffice: boundedText(
        command.prosecutorOffice,
        RULES.shortTextMaxLength,
        'CASE.INVALID_PROSECUTOR_OFFICE',
        'The prosecutor office',
      ),
      reference,
      suspectIds,
    }),
  ];
}
