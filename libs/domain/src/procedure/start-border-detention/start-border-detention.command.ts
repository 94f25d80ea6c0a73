import { ProcedureStepCommand } from '../state/procedure-step';

export interface StartBorderDetention extends ProcedureStepCommand {
  readonly type: 'StartBorderDetention';
}
