import { CustodyCommand } from '../custody-step';

export interface OrderRemand extends CustodyCommand {
  readonly type: 'OrderRemand';
  readonly court: string;
  readonly grounds: readonly string[];
  readonly prosecutorOffice: string;
  readonly proposalReference: string;
  readonly months: number;
}
