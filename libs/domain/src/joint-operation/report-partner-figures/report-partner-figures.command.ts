/** The partner police's own figures for one area of a joint operation, as they reported them. */
export interface ReportPartnerFigures {
  readonly type: 'ReportPartnerFigures';
  /** When the partner reported them. */
  readonly occurredAt: Date;
  readonly code: string;
  readonly partnerCountry: string;
  readonly authority: string;
  readonly area: string;
  readonly migrants: number | null;
  readonly smugglers: number | null;
  readonly source: string;
}
