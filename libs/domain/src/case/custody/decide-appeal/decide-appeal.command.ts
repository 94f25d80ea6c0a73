export interface DecideAppeal {
  readonly type: 'DecideAppeal';
  readonly caseId: string;
  readonly personId: string;
  readonly occurredAt: Date;
  readonly against: string;
  readonly outcome: string;
  readonly court: string;
}
