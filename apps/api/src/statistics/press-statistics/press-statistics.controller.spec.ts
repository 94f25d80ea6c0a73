import { yearEarlier } from './press-statistics.controller';

describe('the same period a year earlier', () => {
  it.each([
    [
      ['2024-01-01', '2024-03-01'],
      ['2023-01-01', '2023-03-01'],
    ],
    [
      ['2023-01-01', '2024-01-01'],
      ['2022-01-01', '2023-01-01'],
    ],
    // A period ending with 28 February keeps 28 February a year earlier.
    [
      ['2024-02-28', '2024-02-29'],
      ['2023-02-28', '2023-03-01'],
    ],
    [
      ['2024-02-29', '2024-03-01'],
      ['2023-02-28', '2023-03-01'],
    ],
    [
      ['2025-02-28', '2025-03-01'],
      ['2024-02-28', '2024-02-29'],
    ],
    [
      ['2024-12-31', '2025-01-01'],
      ['2023-12-31', '2024-01-01'],
    ],
  ])('of %j is %j', ([from, to], [earlierFrom, earlierTo]) => {
    expect(yearEarlier({ from, to })).toEqual({ from: earlierFrom, to: earlierTo });
  });
});
