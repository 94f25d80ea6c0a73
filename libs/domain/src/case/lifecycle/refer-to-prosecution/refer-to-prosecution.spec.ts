import {
  CASE_ID,
  arrested,
  at,
  closed,
  complaintFiled,
  given,
  opened,
  referredToProsecution,
} from '../../testing/case-scenario';
import { referToProsecution } from '../../testing/case-commands';

const complained = () => [opened(), arrested(), complaintFiled()];

describe('refer to prosecution', () => {
  it('refers a case with a criminal complaint to the prosecutor office', () => {
    expect(
      given(...complained())
        .when(referToProsecution())
        .events(),
    ).toEqual([
      {
        type: 'case.referred-to-prosecution',
        schemaVersion: 1,
        occurredAt: at('13:00'),
        data: { caseId: CASE_ID, prosecutorOffice: 'ODT Novo mesto' },
      },
    ]);
  });

  it('refers a case whose complaint names no suspect', () => {
    const [event] = given(opened(), complaintFiled(at('12:00'), []))
      .when(referToProsecution({ prosecutorOffice: 'ODT Ljubljana' }))
      .events();
    expect(event.data).toEqual({ caseId: CASE_ID, prosecutorOffice: 'ODT Ljubljana' });
  });

  it.each([
    ['an unknown case', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [...complained(), closed()], {}, 'CASE.CLOSED'],
    [
      'a case without a criminal complaint',
      [opened(), arrested()],
      {},
      'CASE.NO_CRIMINAL_COMPLAINT',
    ],
    [
      'a case already referred',
      [...complained(), referredToProsecution()],
      { occurredAt: at('14:00') },
      'CASE.ALREADY_REFERRED',
    ],
    [
      'a blank prosecutor office',
      complained(),
      { prosecutorOffice: '' },
      'CASE.INVALID_PROSECUTOR_OFFICE',
    ],
    [
      'an overlong prosecutor office',
      complained(),
      { prosecutorOffice: 'x'.repeat(201) },
      'CASE.INVALID_PROSECUTOR_OFFICE',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(referToProsecution(overrides))
        .refusal().code,
    ).toBe(code);
  });
});
