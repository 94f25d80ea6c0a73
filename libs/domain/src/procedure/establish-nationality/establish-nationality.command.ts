import { ProcedureStepCommand } from '../state/procedure-step';

export interface EstablishNationalityInProcedure extends ProcedureStepCommand {
  readonly type: 'EstablishNationalityInProcedure';
  readonly nationality: string;
}
