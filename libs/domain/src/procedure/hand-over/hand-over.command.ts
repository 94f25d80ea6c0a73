import { ProcedureStepCommand } from '../state/procedure-step';

export interface HandOverFromProcedure extends ProcedureStepCommand {
  readonly type: 'HandOverFromProcedure';
  readonly country: string;
  readonly authority: string;
}
