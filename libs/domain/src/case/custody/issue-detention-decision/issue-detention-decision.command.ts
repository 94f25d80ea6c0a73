import { CustodyCommand } from '../custody-step';

export interface IssueDetentionDecision extends CustodyCommand {
  readonly type: 'IssueDetentionDecision';
  readonly reference: string;
}
