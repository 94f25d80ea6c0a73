export interface LinkJointOperation {
  readonly type: 'LinkJointOperation';
  readonly caseId: string;
  readonly occurredAt: Date;
  readonly code: string;
  readonly name: string;
  readonly partnerCountry: string;
  readonly kind: string;
  readonly from: Date;
  readonly to: Date;
}
