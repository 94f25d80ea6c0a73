export interface ReferToProsecution {
  readonly type: 'ReferToProsecution';
  readonly caseId: string;
  readonly occurredAt: Date;
  readonly prosecutorOffice: string;
}
