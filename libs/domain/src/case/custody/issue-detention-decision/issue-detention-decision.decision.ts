import { DomainError } from '../../../shared/domain-error';
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
  const { file, person, custody } = custodyStep(command, state, now, ['police-detention'], () => [
    'CUSTODY.NOT_IN_POLICE_DETENTION',
    'A detention decision is issued for a suspect in police detention.',
  ]);
  if (custody.decisionIssuedAt) {
    throw new DomainError(
      'CUSTODY.DECISION_ALREADY_ISSUED',
      'The detention decision has already been issued.',
      {
        personId: person.personId,
      },
    );
  }
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
