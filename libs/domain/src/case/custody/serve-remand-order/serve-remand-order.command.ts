import { CustodyCommand } from '../custody-step';

export interface ServeRemandOrder extends CustodyCommand {
  readonly type: 'ServeRemandOrder';
}
