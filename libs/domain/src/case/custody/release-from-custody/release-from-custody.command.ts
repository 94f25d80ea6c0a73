import { CustodyCommand } from '../custody-step';

export interface ReleaseFromCustody extends CustodyCommand {
  readonly type: 'ReleaseFromCustody';
  readonly reason: string;
  readonly note?: string | null;
}
