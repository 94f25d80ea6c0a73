export interface RecordLeftReception {
  readonly type: 'RecordLeftReception';
  readonly caseId: string;
  readonly personId: string;
  readonly occurredAt: Date;
  readonly facility: string;
}
