export interface OpenCase {
  readonly type: 'OpenCase';
  readonly caseId: string;
  readonly directorate: string;
  readonly borderSection: string;
  readonly offenceParagraph: number;
  readonly openedAt: Date;
  readonly summary: string;
}
