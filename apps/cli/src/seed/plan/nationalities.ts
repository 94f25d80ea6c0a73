// Who: the nationalities of smugglers, of migrants and of foreigners apprehended, by weight.

export const SMUGGLER_NATIONALITIES: readonly (readonly [string, number])[] = [
  ['UA', 14],
  ['TR', 11],
  ['RO', 9],
  ['RS', 9],
  ['BA', 8],
  ['MD', 8],
  ['AF', 7],
  ['HR', 7],
  ['GE', 6],
  ['SY', 6],
  ['MK', 4],
  ['BG', 3],
  ['IQ', 3],
  ['PK', 2],
  ['RU', 2],
];

export const MIGRANT_NATIONALITIES: readonly (readonly [string, number])[] = [
  ['MA', 17],
  ['AF', 16],
  ['PK', 12],
  ['BD', 10],
  ['SY', 10],
  ['TR', 8],
  ['IN', 6],
  ['EG', 5],
  ['TN', 3],
  ['CU', 3],
  ['BI', 2],
  ['RU', 2],
  ['CN', 2],
  ['IQ', 2],
  ['NP', 1],
];

/** The joint operation found mostly Syrians, Afghans, Moroccans and Bangladeshis. */
export const JOINT_OPERATION_NATIONALITIES: readonly (readonly [string, number])[] = [
  ['SY', 30],
  ['AF', 28],
  ['MA', 22],
  ['BD', 15],
  ['PK', 3],
  ['TR', 2],
];

/**
 * Who crosses: Afghans, Moroccans, Pakistanis, Bangladeshis, Syrians, Turks, Indians, and
 * (the release of September 2023) "until recently also Cuba, Burundi and Tunisia", who came
 * visa-free through Serbia in the winter and spring.
 */
export function foreignerNationalities(day: string): readonly (readonly [string, number])[] {
  const spring2023 = day < '2023-06-01';
  const year2024 = day >= '2024-01-01';
  return [
    ['AF', year2024 ? 17 : 16],
    ['MA', year2024 ? 17 : 15],
    ['PK', 12],
    ['BD', year2024 ? 12 : 10],
    ['SY', year2024 ? 15 : 9],
    ['TR', 8],
    ['IN', 6],
    ['CU', spring2023 ? 8 : 1],
    ['BI', spring2023 ? 6 : 1],
    ['TN', spring2023 ? 5 : 1],
    ['RU', 2],
    ['CN', 2],
    ['EG', 2],
    ['IQ', 2],
    ['NP', 2],
    ['IR', 1],
    ['DZ', 1],
  ];
}

/** EU citizens crossing the green border with the others: a handful. */
export const EU_CROSSERS: readonly (readonly [string, number])[] = [
  ['RO', 4],
  ['BG', 3],
  ['HR', 2],
];
