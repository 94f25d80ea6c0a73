/**
 * Tunable rules in one place: the law and operational tolerances change, so
 * no decision hard-codes these figures.
 */
export const RULES = {
  /** Investigators' devices and the server disagree by a little; beyond this a time is "in the future". */
  clockSkewToleranceMs: 2 * 60 * 1000,
  /** Art. 308 KZ-1 has six paragraphs; each one names a form of the offence. */
  article308Paragraphs: [1, 2, 3, 4, 5, 6] as const,
  caseSummaryMaxLength: 2000,
  borderSectionMaxLength: 120,
} as const;
