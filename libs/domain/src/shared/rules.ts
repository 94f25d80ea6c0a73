/**
 * Tunable rules in one place: the law and operational tolerances change, so no decision
 * hard-codes these figures.
 */
export const RULES = {
  /** Investigators' devices and the server disagree by a little; beyond this a time is "in the future". */
  clockSkewToleranceMs: 2 * 60 * 1000,
  /** Art. 308 KZ-1 has six paragraphs; each one names a form of the offence. */
  article308Paragraphs: [1, 2, 3, 4, 5, 6] as const,
  caseSummaryMaxLength: 2000,
  borderSectionMaxLength: 120,
  shortTextMaxLength: 200,
  noteMaxLength: 2000,
  migrantGroupMaxSize: 200,
} as const;

/**
 * The legal clocks of criminal custody (Criminal Procedure Act, ZKP; Constitution Art. 20).
 * Police custody and the written-decision clock run from the deprivation of liberty (the
 * arrest), the stricter reading. Months are calendar months of Slovenian local time.
 */
export const CUSTODY_RULES = {
  /** Calendar months are counted on the local calendar and clock (summer time included). */
  timeZone: 'Europe/Ljubljana',
  /** Police detention: at most 48 hours. */
  policeCustodyMaxHours: 48,
  /** Held longer than this, the suspect must have a written detention decision. */
  writtenDetentionDecisionAfterHours: 6,
  /** The investigating judge may hold the suspect 48 hours from being brought before them. */
  judicialDetentionMaxHours: 48,
  /** An appeal against the detention decision or the remand order is decided within 48 hours. */
  appealDecisionHours: 48,
  /** A remand order is served in writing within 24 hours of its announcement. */
  remandOrderServiceHours: 24,
  /** The investigating judge orders remand for at most one month. */
  remandInitialMaxMonths: 1,
  /**
   * Remand counts from the deprivation of liberty, not from the order: ZKP Art. 205(1), "at
   * most one month from the day of deprivation of liberty". (check: confirm this reading of
   * Art. 205(1); `false` counts each remand from the judge's order instead.)
   */
  remandCountsFromDeprivationOfLiberty: true,
  /*
   * The ceilings below ("in all") are on the total remand of the person in the case: the months
   * ordered in earlier remands (before a release and a new arrest) count too. Months ordered,
   * not months actually spent on remand, are counted: the conservative reading.
   */
  /** The out-of-trial panel extends by at most two months at a time... */
  remandPanelExtensionMaxMonths: 2,
  /** ...up to three months in all before the indictment. */
  remandCeilingBeforeIndictmentMonths: 3,
  /** The Supreme Court extends by at most three more months... */
  remandSupremeCourtExtensionMaxMonths: 3,
  /** ...up to six months in all before the indictment. */
  remandSupremeCourtCeilingBeforeIndictmentMonths: 6,
  /**
   * After the indictment: two years in all. (check: extended to three years for offences
   * carrying eight years or more by a 2025 amendment that was challenged in 2026.)
   */
  remandCeilingAfterIndictmentMonths: 24,
  /**
   * The Supreme Court extends remand only for offences punishable by more than five years (ZKP
   * Art. 205(3); check the paragraph), and only a remand the out-of-trial panel has extended.
   */
  supremeCourtExtensionOffenceMinYears: 5,
  /**
   * The longest prison sentence of each paragraph of Art. 308 KZ-1. Paragraph 3 (up to five) and
   * 6 (one to eight) are confirmed; check the others against the code in force.
   */
  article308MaxPrisonYears: { 1: 1, 2: 5, 3: 5, 4: 5, 5: 5, 6: 8 } as Readonly<
    Record<number, number>
  >,
} as const;

type Widened<T> = T extends number
  ? number
  : T extends boolean
    ? boolean
    : T extends string
      ? string
      : T;

/** The same rules, widened: another rule table (a change in the law) fits the same shape. */
export type CustodyRules = {
  readonly [K in keyof typeof CUSTODY_RULES]: Widened<(typeof CUSTODY_RULES)[K]>;
};
