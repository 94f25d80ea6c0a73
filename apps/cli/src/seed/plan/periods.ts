// The published figures, split into periods whose sums are the figures: the smuggling cases,
// and the police procedures with foreigners (most of the people the releases count).

export interface Period {
  /** Local dates, both inclusive: cases open on these days only. */
  readonly from: string;
  readonly to: string;
  readonly cases: number;
  /** Smugglers arrested, each counted once in their case. */
  readonly arrests: number;
  readonly slovenian: number;
  readonly remanded: number;
  readonly migrants: number;
  /** Migrants who do not seek protection and are handed over to Croatia. */
  readonly withoutIntent: number;
  /** 2022 is published as a case count only: one smuggler and a few migrants a case. */
  readonly light?: boolean;
}

/*
 * 2023: 479 cases, 27 of them in January and February; 557 smugglers arrested (9 Slovenian
 * citizens), 275 of them before 27 September; 3,280 migrants; 514 smugglers remanded.
 * 2024 to 1 March: 121 cases, 137 smugglers (2 Slovenian), 757 migrants.
 * The periods leave out 1 March and 27 September, so that readings of "to 1 March" or "to 27
 * September" that include the day agree, and end on 20 December, so that a remand ordered two
 * days after an arrest still falls in the year of the case. About 1.5% of the migrants of each
 * year do not ask for protection: more than 98% do, as the releases say.
 */
export const PERIODS: readonly Period[] = [
  {
    from: '2022-01-01',
    to: '2022-12-20',
    cases: 242,
    arrests: 242,
    slovenian: 3,
    remanded: 214,
    migrants: 847,
    withoutIntent: 13,
    light: true,
  },
  {
    from: '2023-01-01',
    to: '2023-02-28',
    cases: 27,
    arrests: 30,
    slovenian: 1,
    remanded: 28,
    migrants: 160,
    withoutIntent: 2,
  },
  {
    from: '2023-03-02',
    to: '2023-09-26',
    cases: 215,
    arrests: 245,
    slovenian: 4,
    remanded: 225,
    migrants: 1450,
    withoutIntent: 22,
  },
  {
    from: '2023-09-28',
    to: '2023-12-20',
    cases: 237,
    arrests: 282,
    slovenian: 4,
    remanded: 261,
    migrants: 1670,
    withoutIntent: 25,
  },
  {
    from: '2024-01-01',
    to: '2024-02-29',
    cases: 121,
    arrests: 137,
    slovenian: 2,
    remanded: 127,
    migrants: 757,
    withoutIntent: 11,
  },
];

/** Days kept free of openings, arrests and apprehensions (see PERIODS). */
export const KEPT_FREE_DAYS: readonly string[] = ['2023-03-01', '2023-09-27', '2024-03-01'];

export interface ProcedurePeriod {
  /** Local dates, both inclusive; the days kept free are left out. */
  readonly from: string;
  readonly to: string;
  /** Procedures opened in the period, besides the joint operation's (linked to its cases). */
  readonly procedures: number;
  /** Of them, people who left the asylum home and were caught again: a new procedure each. */
  readonly caughtAgain: number;
  /** Departures from the asylum home recorded of people first caught in the period. */
  readonly departures: number;
  /** First procedures without an intent (handed over, to the Aliens Centre, released), `eu` included. */
  readonly withoutIntent: number;
  /** People caught again who do not say the intent again: the Aliens Centre, for return. */
  readonly againWithoutIntent: number;
  /** EU citizens: released after the misdemeanour procedure, never an intent. */
  readonly eu: number;
  /** Nationality not known (no document, not said). */
  readonly unknownNationality: number;
  /** People held in border detention before their intent (those without one are counted apart). */
  readonly detainedWithIntent: number;
}

/*
 * The release of 27 September 2023: over 41,700 foreign nationals apprehended this year, more
 * than 40,000 persons dealt with. The 1,610 migrants of the cases opened from 1 January to 26
 * September count among the apprehended: 40,130 procedures more make 41,740, of whom 1,380 left
 * the asylum home and were caught again (counted at each apprehension, once as persons).
 * The release of March 2024: more than 7,850 third-country citizens by mid-March: 7,140
 * procedures (a few EU citizens and unknown nationalities among them), the joint operation's
 * 127 and the 757 migrants of the cases to 1 March. About 1.5% do not ask for protection.
 */
export const PROCEDURE_PERIODS: readonly ProcedurePeriod[] = [
  {
    from: '2023-01-01',
    to: '2023-09-26',
    procedures: 40_130,
    caughtAgain: 1_380,
    departures: 1_700,
    withoutIntent: 570,
    againWithoutIntent: 24,
    eu: 12,
    unknownNationality: 110,
    detainedWithIntent: 40,
  },
  {
    from: '2024-01-01',
    to: '2024-03-15',
    procedures: 7_140,
    caughtAgain: 90,
    departures: 110,
    withoutIntent: 100,
    againWithoutIntent: 2,
    eu: 5,
    unknownNationality: 28,
    detainedWithIntent: 8,
  },
];
