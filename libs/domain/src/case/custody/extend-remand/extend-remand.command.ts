import { CustodyCommand } from '../custody-step';

export interface ExtendRemand extends CustodyCommand {
  readonly type: 'ExtendRemand';
  readonly by: string;
  readonly months: number;
  readonly reference: string;
}
