export interface FileCriminalComplaint {
  readonly type: 'FileCriminalComplaint';
  readonly caseId: string;
  readonly occurredAt: Date;
  readonly prosecutorOffice: string;
  readonly reference: string;
  /** Suspects named in the complaint; none when the perpetrator is unknown. */
  readonly suspectIds: readonly string[];
}
