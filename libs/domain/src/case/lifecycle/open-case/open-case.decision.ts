import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { assertNotInFuture } from '../../../shared/time';
import { Directorate } from '../../../values/directorate';
import { Offence } from '../../../values/offence';
import { boundedText } from '../../../values/text';
import { CaseOpened, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { OpenCase } from './open-case.command';

export function openCase(command: OpenCase, state: CaseState, now: Date): CaseOpened[] {
  if (state.status !== 'none') {
    throw new DomainError('CASE.ALREADY_OPENED', 'The case has already been opened.', {
      caseId: command.caseId,
    });
  }
  assertNotInFuture(command.openedAt, now);
  return [
    caseEvent<CaseOpened>('case.opened', command.openedAt, {
      caseId: command.caseId,
      directorate: Directorate.from(command.directorate),
      borderSection: boundedText(
        command.borderSection,
        RULES.borderSectionMaxLength,
        'CASE.INVALID_BORDER_SECTION',
        'The border section',
      ),
      offence: Offence.article308(command.offenceParagraph),
      summary: boundedText(
        command.summary,
        RULES.caseSummaryMaxLength,
        'CASE.INVALID_SUMMARY',
        'The summary',
      ),
    }),
  ];
}
