import { DomainError } from '../../shared/domain-error';
import { assertNotInFuture } from '../../shared/occurred-at';
import { RULES } from '../../shared/rules';
import { CaseEventType, CaseOpened } from '../case.events';
import { CaseState } from '../case.state';
import { Directorate } from '../directorate';
import { Offence } from '../offence';
import { OpenCase } from './open-case.command';

export function openCase(command: OpenCase, state: CaseState, now: Date): [CaseOpened] {
  if (state.status !== 'none') {
    throw new DomainError('CASE.ALREADY_OPENED', 'The case has already been opened.', {
      caseId: command.caseId,
    });
  }
  assertNotInFuture(command.openedAt, now);
  const borderSection = command.borderSection.trim();
  if (borderSection.length === 0 || borderSection.length > RULES.borderSectionMaxLength) {
    throw new DomainError(
      'CASE.INVALID_BORDER_SECTION',
      `The border section must have 1 to ${RULES.borderSectionMaxLength} characters.`,
    );
  }
  const summary = command.summary.trim();
  if (summary.length === 0 || summary.length > RULES.caseSummaryMaxLength) {
    throw new DomainError(
      'CASE.INVALID_SUMMARY',
      `The summary must have 1 to ${RULES.caseSummaryMaxLength} characters.`,
    );
  }
  return [
    {
      type: CaseEventType.CaseOpened,
      schemaVersion: 1,
      occurredAt: command.openedAt,
      data: {
        caseId: command.caseId,
        directorate: Directorate.from(command.directorate),
        borderSection,
        offence: Offence.article308(command.offenceParagraph),
        summary,
      },
    },
  ];
}
