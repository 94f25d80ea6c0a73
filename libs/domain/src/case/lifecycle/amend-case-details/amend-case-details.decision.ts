import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { Offence } from '../../../values/offence';
import { boundedText } from '../../../values/text';
import { CaseDetailsAmended, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase } from '../../state/guards';
import { AmendCaseDetails } from './amend-case-details.command';

export function amendCaseDetails(
  command: AmendCaseDetails,
  state: CaseState,
  now: Date,
): CaseDetailsAmended[] {
  const file = requireOpenCase(state, command.caseId);
  assertNotInFuture(command.occurredAt, now);
  const changes: CaseDetailsAmended['data']['changes'] = {};
  if (command.borderSection !== undefined) {
    const borderSection = boundedText(
      command.borderSection,
      RULES.borderSectionMaxLength,
      'CASE.INVALID_BORDER_SECTION',
      'The border section',
    );
    if (borderSection !== file.borderSection) changes.borderSection = borderSection;
  }
  if (command.offenceParagraph !== undefined) {
    const offence = Offence.article308(command.offenceParagraph);
    if (offence.paragraph !== file.offence.paragraph) changes.offence = offence;
  }
  if (command.summary !== undefined) {
    const summary = boundedText(
      command.summary,
      RULES.caseSummaryMaxLength,
      'CASE.INVALID_SUMMARY',
      'The summary',
    );
    if (summary !== file.summary) changes.summary = summary;
  }
  if (Object.keys(changes).length === 0) {
    throw new DomainError('CASE.NOTHING_TO_AMEND', 'The amendment changes nothing.');
  }
  return [
    caseEvent<CaseDetailsAmended>('case.details-amended', command.occurredAt, {
      caseId: file.caseId,
      changes,
    }),
  ];
}
