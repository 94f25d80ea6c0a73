export interface CloseCase {
  readonly type: 'CloseCase';
  readonly caseId: string;
  readonly occurredAt: Date;
  readonly reason: string;
  readonly note?: string | null;
}
