export interface ExpressAsylumIntent {
  readonly type: 'ExpressAsylumIntent';
  readonly caseId: string;
  readonly personId: string;
  readonly occurredAt: Date;
  readonly expressedTo: string;
  readonly authority?: string | null;
  readonly statement: string;
}
