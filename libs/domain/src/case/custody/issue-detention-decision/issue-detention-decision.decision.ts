import { RULES } from '../../../shared/rules';
import { boundedText } from '../../../values/text';
import { DetentionDecisionIssued, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { custodyStep } from '../custody-step';
import { IssueDetentionDecision } from './issue-detention-decision.command';

/** The written decision a detention needs once it passes six hours. Issued late, it is still recorded. */
export function issueDetentionDecision(
  command: IssueDetentionDecision,
  state: CaseState,
  now: Date,
): DetentionDecisionIssued[] {
  const { file, person } = custodyStep(command, state, now);
  return [
    caseEvent<DetentionDecisionIssued>('custody.detention-decision-issued', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      reference: boundedText(
        command.reference,
        RULES.shortTextMaxLength,
        'CUSTODY.INVALID_REFERENCE',
        'The reference',
      ),
    }),
  ];
}
