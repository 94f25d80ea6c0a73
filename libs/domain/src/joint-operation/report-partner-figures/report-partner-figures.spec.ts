import { foldJointOperation } from '../state/joint-operation.state';
import { CODE, NOW, at, given, reported } from '../testing/joint-operation-scenario';
import { reportPartnerFigures } from '../testing/joint-operation-commands';

describe('report partner figures', () => {
  it("keeps the partner's figures for the covered sections as reported, trimmed", () => {
    expect(given().when(reportPartnerFigures()).events()).toEqual([
      {
        type: 'joint-operation.partner-figures-reported',
        schemaVersion: 1,
        occurredAt: at('10:00'),
        data: {
          code: 'HR-SI-2024-03',
          partnerCountry: 'HR',
          authority: 'Croatian police (MUP RH)',
          area: 'covered-sections',
          migrants: 172,
          smugglers: 3,
          source: 'Joint press release, March 2024',
        },
      },
    ]);
  });

  it('takes the other area beside it, with a figure the report does not give as null', () => {
    const command = reportPartnerFigures({ area: 'elsewhere', migrants: null, smugglers: 6 });
    const [event] = given(reported()).when(command).events();
    expect(event.data).toMatchObject({ area: 'elsewhere', migrants: null, smugglers: 6 });
    expect(foldJointOperation([reported(), event])).toEqual({
      reportedAreas: ['covered-sections', 'elsewhere'],
    });
  });

  it('takes zero as a figure, and a report made just now', () => {
    const [event] = given()
      .when(reportPartnerFigures({ migrants: 0, smugglers: null, occurredAt: NOW }))
      .events();
    expect(event.data).toMatchObject({ migrants: 0, smugglers: null });
  });

  // A problem response has its own `code`: the operation's is named apart from it.
  it('refuses the same area twice, naming the operation and the area', () => {
    const refusal = given(reported())
      .when(reportPartnerFigures({ migrants: 171 }))
      .refusal();
    expect(refusal.code).toBe('JOINT_OPERATION.ALREADY_REPORTED');
    expect(refusal.details).toEqual({ operationCode: CODE, area: 'covered-sections' });
    expect(refusal.message).toMatch(/not supported yet/);
  });

  it.each([
    ['a blank code', {}, { code: '  ' }, 'OPERATION.INVALID_CODE'],
    ['an overlong code', {}, { code: 'x'.repeat(201) }, 'OPERATION.INVALID_CODE'],
    ['a partner that is no neighbour', {}, { partnerCountry: 'RS' }, 'OPERATION.INVALID_PARTNER'],
    ['a blank authority', {}, { authority: ' ' }, 'JOINT_OPERATION.INVALID_AUTHORITY'],
    [
      'an overlong authority',
      {},
      { authority: 'x'.repeat(201) },
      'JOINT_OPERATION.INVALID_AUTHORITY',
    ],
    ['an unknown area', {}, { area: 'everywhere' }, 'JOINT_OPERATION.INVALID_AREA'],
    ['a negative count', {}, { migrants: -1 }, 'JOINT_OPERATION.INVALID_COUNT'],
    ['a fractional count', {}, { smugglers: 2.5 }, 'JOINT_OPERATION.INVALID_COUNT'],
    ['a count beyond exact integers', {}, { migrants: 2 ** 53 }, 'JOINT_OPERATION.INVALID_COUNT'],
    ['a count that is no number', {}, { migrants: Number.NaN }, 'JOINT_OPERATION.INVALID_COUNT'],
    [
      'a report with neither count',
      {},
      { migrants: null, smugglers: null },
      'JOINT_OPERATION.INVALID_COUNT',
    ],
    ['a blank source', {}, { source: '' }, 'JOINT_OPERATION.INVALID_SOURCE'],
    [
      'the same area again, even from another partner',
      { reported: true },
      { partnerCountry: 'HU', migrants: 1 },
      'JOINT_OPERATION.ALREADY_REPORTED',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...('reported' in history ? [reported()] : []))
        .when(reportPartnerFigures(overrides))
        .refusal().code,
    ).toBe(code);
  });

  it('checks what was reported before the area already on record', () => {
    expect(
      given(reported())
        .when(reportPartnerFigures({ area: 'covered-sections', migrants: -3 }))
        .refusal().code,
    ).toBe('JOINT_OPERATION.INVALID_COUNT');
  });
});
