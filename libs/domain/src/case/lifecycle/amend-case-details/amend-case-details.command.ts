export interface AmendCaseDetails {
  readonly type: 'AmendCaseDetails';
  readonly caseId: string;
  readonly occurredAt: Date;
  readonly borderSection?: string;
  readonly offenceParagraph?: number;
  readonly summary?: string;
}
