import { ProcedureStepCommand } from '../state/procedure-step';

export interface ReferFromProcedure extends ProcedureStepCommand {
  readonly type: 'ReferFromProcedure';
  /** One of REFERRAL_DESTINATIONS. */
  readonly destination: string;
}
