export interface LodgeAppeal {
  readonly type: 'LodgeAppeal';
  readonly caseId: string;
  readonly personId: string;
  readonly occurredAt: Date;
  /** The detention decision (to the out-of-trial panel) or the remand order. */
  readonly against: string;
}
