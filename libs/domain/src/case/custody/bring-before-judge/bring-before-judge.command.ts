import { CustodyCommand } from '../custody-step';

export interface BringBeforeJudge extends CustodyCommand {
  readonly type: 'BringBeforeJudge';
  readonly court: string;
}
