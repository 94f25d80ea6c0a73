import { ProcedureStepCommand } from '../state/procedure-step';

/** What the case says of the person, read by the handler from the case's stream. */
export type RoleInCase = 'migrant' | 'suspect' | 'absent';

export interface LinkProcedureToCase extends ProcedureStepCommand {
  readonly type: 'LinkProcedureToCase';
  readonly caseId: string;
  readonly roleInCase: RoleInCase;
}
