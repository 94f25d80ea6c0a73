import { ProcedureStepCommand } from '../state/procedure-step';

export interface ReleaseFromProcedure extends ProcedureStepCommand {
  readonly type: 'ReleaseFromProcedure';
  readonly reason: string;
}
