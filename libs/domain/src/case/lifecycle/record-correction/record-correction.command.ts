export interface RecordCorrection {
  readonly type: 'RecordCorrection';
  readonly caseId: string;
  readonly correctedEventId: string;
  readonly reason: string;
  /** The corrected time of the event, if its time was wrong. */
  readonly correctedOccurredAt: Date | null;
  /** Corrected values of the event's correctable fields. */
  readonly changes: Readonly<Record<string, unknown>>;
}
