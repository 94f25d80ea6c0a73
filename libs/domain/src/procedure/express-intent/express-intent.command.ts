import { ProcedureStepCommand } from '../state/procedure-step';

export interface ExpressIntentInProcedure extends ProcedureStepCommand {
  readonly type: 'ExpressIntentInProcedure';
  /** One of INTENT_STATEMENTS. */
  readonly statement: string;
}
