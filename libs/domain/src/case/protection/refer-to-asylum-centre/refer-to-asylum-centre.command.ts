export interface ReferToAsylumCentre {
  readonly type: 'ReferToAsylumCentre';
  readonly caseId: string;
  readonly personId: string;
  readonly occurredAt: Date;
  readonly facility: string;
}
