import { ProcedureStepCommand } from '../state/procedure-step';

export interface RecordLeftAsylumHome extends ProcedureStepCommand {
  readonly type: 'RecordLeftAsylumHome';
  readonly facility: string;
}
