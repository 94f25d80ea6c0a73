export interface HandOverToForeignAuthorities {
  readonly type: 'HandOverToForeignAuthorities';
  readonly caseId: string;
  readonly personId: string;
  readonly occurredAt: Date;
  readonly country: string;
  readonly authority: string;
  readonly legalBasis: string;
}
