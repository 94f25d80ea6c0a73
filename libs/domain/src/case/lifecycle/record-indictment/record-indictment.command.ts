export interface RecordIndictment {
  readonly type: 'RecordIndictment';
  readonly caseId: string;
  readonly occurredAt: Date;
  readonly court: string;
  readonly reference: string;
  readonly defendantIds: readonly string[];
}
