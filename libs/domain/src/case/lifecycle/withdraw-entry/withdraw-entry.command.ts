export interface WithdrawEntry {
  readonly type: 'WithdrawEntry';
  readonly caseId: string;
  /** The entry made in error: a fact, a correction or a withdrawal. */
  readonly withdrawnEventId: string;
  readonly reason: string;
}
