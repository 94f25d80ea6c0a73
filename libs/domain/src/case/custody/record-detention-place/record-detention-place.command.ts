import { CustodyCommand } from '../custody-step';

/** The person is held at this facility from `occurredAt`: a police station's cells, a prison. */
export interface RecordDetentionPlace extends CustodyCommand {
  readonly type: 'RecordDetentionPlace';
  readonly facility: string;
}
