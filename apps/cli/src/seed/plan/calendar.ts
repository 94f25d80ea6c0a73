import { daysBetween } from './local-time';
import { KEPT_FREE_DAYS } from './periods';

/** Interceptions peak at night; 02:00-02:59 is left out, the hour summer time skips or repeats. */
export const OPENING_HOURS: readonly (readonly [number, number])[] = [
  [0, 8],
  [1, 7],
  [3, 6],
  [4, 5],
  [5, 4],
  [6, 3],
  [7, 2],
  [8, 2],
  [9, 2],
  [10, 2],
  [11, 2],
  [12, 2],
  [13, 2],
  [14, 2],
  [15, 2],
  [16, 3],
  [17, 3],
  [18, 4],
  [19, 6],
  [20, 7],
  [21, 8],
];

/** Pressure on the border by month: it rose through 2022 and 2023, with the autumn the worst. */
const MONTH_WEIGHTS: Readonly<Record<number, readonly number[]>> = {
  2022: [3, 3, 4, 5, 6, 7, 9, 10, 11, 12, 12, 10],
  2023: [4, 4, 5, 6, 7, 8, 10, 12, 14, 20, 18, 14],
  2024: [10, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12],
};

/** The days of a period that cases and apprehensions may fall on, weighted by their month. */
export function dayWeights(from: string, to: string): (readonly [string, number])[] {
  return daysBetween(from, to)
    .filter((d) => !KEPT_FREE_DAYS.includes(d))
    .map((day) => {
      const [year, month] = day.split('-').map(Number);
      return [day, MONTH_WEIGHTS[year][month - 1]] as const;
    });
}
