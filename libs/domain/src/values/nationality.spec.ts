import { EU_MEMBER_STATES, nationalityClass } from './nationality';

describe('the nationality classes the statistics split foreigners into', () => {
  it('lists the 27 member states once each, as ISO 3166-1 alpha-2 codes', () => {
    expect(EU_MEMBER_STATES).toHaveLength(27);
    expect(new Set(EU_MEMBER_STATES).size).toBe(27);
    for (const code of EU_MEMBER_STATES) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  it.each([
    ['HR', 'eu'],
    ['AT', 'eu'],
    // ISO's code for Greece; EL is the EU's own abbreviation, not a nationality code.
    ['GR', 'eu'],
    ['EL', 'third-country'],
    // Left the EU in 2020.
    ['GB', 'third-country'],
    ['CH', 'third-country'],
    ['AF', 'third-country'],
    ['SY', 'third-country'],
    [null, 'unknown'],
  ] as const)('%s is %s', (nationality, expected) => {
    expect(nationalityClass(nationality)).toBe(expected);
  });
});
