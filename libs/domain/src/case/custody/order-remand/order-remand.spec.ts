import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  broughtBeforeJudge,
  closed,
  complaintFiled,
  decisionIssued,
  detained,
  given,
  handedOver,
  indicted,
  opened,
  referredToProsecution,
  released,
  remandExtended,
  remanded,
} from '../../testing/case-scenario';
import { orderRemand } from '../../testing/case-commands';

const beforeJudge = [opened(), arrested(), detained(), decisionIssued(), broughtBeforeJudge()];

describe('order remand', () => {
  it('records the remand the investigating judge ordered on the proposal', () => {
    expect(
      given(...beforeJudge)
        .when(orderRemand())
        .events(),
    ).toEqual([
      {
        type: 'custody.remand-ordered',
        schemaVersion: 1,
        occurredAt: at('22:00'),
        data: {
          caseId: CASE_ID,
          personId: SUSPECT,
          court: 'Okrožno sodišče v Novem mestu',
          grounds: ['flight-risk', 'reoffending'],
          proposal: { prosecutorOffice: 'ODT Novo mesto', reference: 'Kt 1/24' },
          months: 1,
        },
      },
    ]);
  });

  it('records a ground named twice only once', () => {
    const [event] = given(...beforeJudge)
      .when(orderRemand({ grounds: ['evidence-tampering', 'flight-risk', 'evidence-tampering'] }))
      .events();
    expect(event.data).toMatchObject({ grounds: ['evidence-tampering', 'flight-risk'] });
  });

  // A suspect may be remanded while the police still hold them, not only after being brought.
  it.each([
    ['straight after the arrest', [opened(), arrested()]],
    ['from police detention', [opened(), arrested(), detained()]],
  ] as const)('accepts remand %s', (_label, history) => {
    expect(
      given(...history)
        .when(orderRemand())
        .events(),
    ).toHaveLength(1);
  });

  it('accepts a suspect arrested again after being released', () => {
    const history = [opened(), arrested(), released(at('11:00')), arrested(SUSPECT, at('15:00'))];
    expect(
      given(...history)
        .when(orderRemand())
        .events(),
    ).toHaveLength(1);
  });

  describe('after an earlier remand in the case', () => {
    // Remanded on 14 March, extended by the panel to 3 months, released the next morning and
    // arrested again: the months ordered before count towards the ceilings.
    const afterThreeMonths = [
      opened(),
      arrested(),
      remanded(at('22:00')),
      remandExtended(at('07:00', 15), 2),
      released(at('08:00', 15)),
      arrested(SUSPECT, at('09:00', 15)),
    ];
    const again = orderRemand({ occurredAt: at('10:00', 15) });

    it('refuses a new remand that would take the total past 3 months before the indictment', () => {
      const refusal = given(...afterThreeMonths)
        .when(again)
        .refusal();
      expect(refusal.code).toBe('CUSTODY.REMAND_CEILING_REACHED');
      expect(refusal.details).toEqual({
        personId: SUSPECT,
        totalMonths: 4,
        ceilingMonths: 3,
        indicted: false,
        earlierRemandMonths: 3,
      });
    });

    it('accepts a new remand within 3 months in all', () => {
      const afterTwoMonths = [
        opened(),
        arrested(),
        remanded(at('22:00')),
        remandExtended(at('07:00', 15), 1),
        released(at('08:00', 15)),
        arrested(SUSPECT, at('09:00', 15)),
      ];
      expect(
        given(...afterTwoMonths)
          .when(again)
          .events(),
      ).toHaveLength(1);
    });

    it('accepts a new remand after the indictment, within 24 months in all', () => {
      const history = [
        ...afterThreeMonths,
        complaintFiled(at('12:00')),
        referredToProsecution(at('13:00')),
        indicted(at('09:30', 15)),
      ];
      expect(
        given(...history)
          .when(again)
          .events(),
      ).toHaveLength(1);
    });
  });

  it.each([
    ['a case that does not exist', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [...beforeJudge, closed()], {}, 'CASE.CLOSED'],
    ['a person not in the case', beforeJudge, { personId: MIGRANT }, 'PERSON.NOT_IN_CASE'],
    [
      'an apprehended migrant',
      [opened(), apprehended()],
      { personId: MIGRANT },
      'PERSON.NOT_A_SUSPECT',
    ],
    [
      'a suspect already released',
      [opened(), arrested(), released(at('11:00'))],
      {},
      'CUSTODY.REMAND_WITHOUT_ARREST',
    ],
    [
      'a suspect handed over abroad',
      [opened(), arrested(), released(at('11:00')), handedOver(at('12:00'), SUSPECT)],
      {},
      'CUSTODY.REMAND_WITHOUT_ARREST',
    ],
    [
      'a suspect already on remand',
      [...beforeJudge, remanded(at('21:00'))],
      {},
      'CUSTODY.ALREADY_ON_REMAND',
    ],
    ['no grounds', beforeJudge, { grounds: [] }, 'CUSTODY.NO_REMAND_GROUNDS'],
    [
      'a ground outside ZKP Art. 201',
      beforeJudge,
      { grounds: ['flight-risk', 'public-outrage'] },
      'CUSTODY.INVALID_REMAND_GROUND',
    ],
    ['more than one month', beforeJudge, { months: 2 }, 'CUSTODY.REMAND_TOO_LONG'],
    ['zero months', beforeJudge, { months: 0 }, 'CUSTODY.REMAND_TOO_LONG'],
    ['a fraction of a month', beforeJudge, { months: 0.5 }, 'CUSTODY.REMAND_TOO_LONG'],
    [
      'a time before the arrest',
      beforeJudge,
      { occurredAt: at('08:30') },
      'TIME.BEFORE_ARREST_OR_APPREHENSION',
    ],
    [
      'a time before the suspect was brought before the judge',
      beforeJudge,
      { occurredAt: at('19:00') },
      'TIME.BEFORE_PREVIOUS_CUSTODY_ACT',
    ],
    ['a blank court', beforeJudge, { court: '' }, 'CUSTODY.INVALID_COURT'],
    [
      'a blank prosecutor office',
      beforeJudge,
      { prosecutorOffice: ' ' },
      'CUSTODY.INVALID_PROSECUTOR_OFFICE',
    ],
    [
      'a blank proposal reference',
      beforeJudge,
      { proposalReference: ' ' },
      'CUSTODY.INVALID_REFERENCE',
    ],
    [
      'an overlong proposal reference',
      beforeJudge,
      { proposalReference: 'x'.repeat(201) },
      'CUSTODY.INVALID_REFERENCE',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(orderRemand(overrides))
        .refusal().code,
    ).toBe(code);
  });

  it('names the months asked for when refusing a remand too long', () => {
    const refusal = given(...beforeJudge)
      .when(orderRemand({ months: 3 }))
      .refusal();
    expect(refusal.details).toEqual({ months: 3 });
  });
});
