import { CustodyCommand } from '../custody-step';

export interface StartPoliceDetention extends CustodyCommand {
  readonly type: 'StartPoliceDetention';
}
