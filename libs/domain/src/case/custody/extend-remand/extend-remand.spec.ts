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
  given,
  indicted,
  opened as openedFor,
  referredToProsecution,
  released,
  remandExtended,
  remandServed,
  remanded,
} from '../../testing/case-scenario';
import { extendRemand } from '../../testing/case-commands';

const day = (iso: string) => new Date(`${iso}Z`);

/** A case under Art. 308(6), up to eight years: one the Supreme Court may extend remand in. */
const opened = (occurredAt?: Date) => openedFor(occurredAt, 6);

/** One month of remand ordered on 14 March, served the next morning. */
const onRemand = [opened(), arrested(), broughtBeforeJudge(), remanded(), remandServed()];

/**
 * Remanded on 20 May 2022, extended to 6 months before the indictment (panel, then Supreme
 * Court) and by the panel two months at a time after it: 22 months in all, running to
 * 20 March 2024, so that NOW still falls within it.
 */
const indictedAfter22Months = [
  opened(day('2022-05-20T08:00:00')),
  arrested(SUSPECT, day('2022-05-20T09:00:00')),
  remanded(day('2022-05-20T22:00:00')),
  remandExtended(day('2022-06-15T10:00:00'), 2),
  remandExtended(day('2022-08-15T10:00:00'), 3, 'supreme-court'),
  indicted(day('2022-11-10T10:00:00')),
  ...Array.from({ length: 8 }, (_, i) =>
    remandExtended(new Date(Date.UTC(2022, 10 + 2 * i, 15, 10)), 2),
  ),
];

describe('extend remand', () => {
  it('records the extension by the out-of-trial panel', () => {
    expect(
      given(...onRemand)
        .when(extendRemand())
        .events(),
    ).toEqual([
      {
        type: 'custody.remand-extended',
        schemaVersion: 1,
        occurredAt: at('11:00', 15),
        data: {
          caseId: CASE_ID,
          personId: SUSPECT,
          by: 'out-of-trial-panel',
          months: 2,
          reference: 'Kr 1/24',
        },
      },
    ]);
  });

  it('checks that the history used for the indicted suspect adds up to 22 months', () => {
    expect(given(...indictedAfter22Months).state).toMatchObject({
      persons: {
        [SUSPECT]: {
          indictedAt: day('2022-11-10T10:00:00'),
          custody: { phase: 'remand', months: 22 },
        },
      },
    });
  });

  describe('the ceilings', () => {
    it.each([
      ['the panel to 3 months before the indictment', onRemand, 'out-of-trial-panel', 2],
      [
        'the Supreme Court to 6 months before the indictment',
        [...onRemand, remandExtended(at('09:00', 15), 2)],
        'supreme-court',
        3,
      ],
      [
        'the panel to 24 months after the indictment',
        indictedAfter22Months,
        'out-of-trial-panel',
        2,
      ],
    ] as const)('allows %s', (_label, history, by, months) => {
      const [event] = given(...history)
        .when(extendRemand({ by, months }))
        .events();
      expect(event.data).toMatchObject({ by, months });
    });

    it.each([
      [
        'the panel past 3 months before the indictment',
        [...onRemand, remandExtended(at('09:00', 15), 2)],
        'out-of-trial-panel',
        1,
        { totalMonths: 4, ceilingMonths: 3, indicted: false, earlierRemandMonths: 0 },
      ],
      [
        'the panel past 3 months after the Supreme Court extended',
        [
          ...onRemand,
          remandExtended(at('09:00', 15), 2),
          remandExtended(at('10:00', 15), 3, 'supreme-court'),
        ],
        'out-of-trial-panel',
        1,
        { totalMonths: 7, ceilingMonths: 3, indicted: false, earlierRemandMonths: 0 },
      ],
      [
        'the Supreme Court past 6 months before the indictment',
        [
          ...onRemand,
          remandExtended(at('09:00', 15), 2),
          remandExtended(at('10:00', 15), 3, 'supreme-court'),
        ],
        'supreme-court',
        1,
        { totalMonths: 7, ceilingMonths: 6, indicted: false, earlierRemandMonths: 0 },
      ],
      [
        'the panel past 24 months after the indictment',
        [...indictedAfter22Months, remandExtended(day('2024-03-01T10:00:00'), 1)],
        'out-of-trial-panel',
        2,
        { totalMonths: 25, ceilingMonths: 24, indicted: true, earlierRemandMonths: 0 },
      ],
      [
        'the Supreme Court past 24 months after the indictment',
        indictedAfter22Months,
        'supreme-court',
        3,
        { totalMonths: 25, ceilingMonths: 24, indicted: true, earlierRemandMonths: 0 },
      ],
    ] as const)('refuses %s', (_label, history, by, months, details) => {
      const refusal = given(...history)
        .when(extendRemand({ by, months }))
        .refusal();
      expect(refusal.code).toBe('CUSTODY.EXTENSION_BEYOND_CEILING');
      expect(refusal.details).toEqual({ personId: SUSPECT, ...details });
    });
  });

  describe('judged at the time of the extension', () => {
    // Three months of remand by 15 March 09:00; the indictment of 11:00 is already recorded.
    const indictedAt11 = [
      ...onRemand,
      remandExtended(at('09:00', 15), 2),
      complaintFiled(at('12:00')),
      referredToProsecution(at('13:00')),
      indicted(at('11:00', 15)),
    ];

    it('judges an extension dated before a recorded indictment by the ceiling before it', () => {
      const refusal = given(...indictedAt11)
        .when(extendRemand({ occurredAt: at('10:00', 15), months: 1 }))
        .refusal();
      expect(refusal.code).toBe('CUSTODY.EXTENSION_BEYOND_CEILING');
      expect(refusal.details).toEqual({
        personId: SUSPECT,
        totalMonths: 4,
        ceilingMonths: 3,
        indicted: false,
        earlierRemandMonths: 0,
      });
    });

    it('judges an extension dated after the indictment by the ceiling after it', () => {
      const [event] = given(...indictedAt11)
        .when(extendRemand({ occurredAt: at('11:30', 15), months: 1 }))
        .events();
      expect(event.data).toMatchObject({ months: 1 });
    });
  });

  describe('after an earlier remand in the case', () => {
    // One month of remand and two by the panel, then a release, a new arrest and a new order:
    // the months of the first remand still count.
    const remandedAgain = [
      opened(day('2024-01-02T08:00:00')),
      arrested(SUSPECT, day('2024-01-02T09:00:00')),
      remanded(day('2024-01-02T20:00:00')),
      remandExtended(day('2024-01-20T10:00:00'), 1),
      released(day('2024-02-10T10:00:00')),
      arrested(SUSPECT, day('2024-02-20T09:00:00')),
      remanded(day('2024-02-20T20:00:00')),
    ];

    it('refuses the panel an extension past 3 months in all', () => {
      const refusal = given(...remandedAgain)
        .when(extendRemand({ occurredAt: day('2024-03-01T10:00:00'), months: 1 }))
        .refusal();
      expect(refusal.code).toBe('CUSTODY.EXTENSION_BEYOND_CEILING');
      expect(refusal.details).toEqual({
        personId: SUSPECT,
        totalMonths: 4,
        ceilingMonths: 3,
        indicted: false,
        earlierRemandMonths: 2,
      });
    });

    it('leaves further months to the Supreme Court, up to 6 in all', () => {
      const [event] = given(...remandedAgain)
        .when(
          extendRemand({ occurredAt: day('2024-03-01T10:00:00'), by: 'supreme-court', months: 3 }),
        )
        .events();
      expect(event.data).toMatchObject({ by: 'supreme-court', months: 3 });
    });
  });

  describe('a remand that has run out', () => {
    // Arrested at 10:00 on 31 January 2024 (Ljubljana), ordered that evening: one month of
    // remand counts from the arrest and ends at 10:00 on 29 February (a leap year).
    const endOfJanuary = [
      opened(day('2024-01-31T08:00:00')),
      arrested(SUSPECT, day('2024-01-31T09:00:00')),
      remanded(day('2024-01-31T22:00:00')),
    ];

    it('can still be extended at the last instant of the month', () => {
      const lastInstant = day('2024-02-29T09:00:00');
      const events = given(...endOfJanuary)
        .when(extendRemand({ occurredAt: lastInstant }))
        .events();
      expect(events.map((e) => e.occurredAt)).toEqual([lastInstant]);
    });

    // Counted from the order, the remand would still run until 23:00 that day.
    it('cannot be extended after it expired, a month after the arrest', () => {
      const refusal = given(...endOfJanuary)
        .when(extendRemand({ occurredAt: day('2024-02-29T09:00:00.001') }))
        .refusal();
      expect(refusal.code).toBe('CUSTODY.REMAND_EXPIRED');
      expect(refusal.details).toEqual({
        personId: SUSPECT,
        expiredAt: '2024-02-29T09:00:00.000Z',
      });
    });
  });

  it.each([
    ['a case that does not exist', [], {}, 'CASE.NOT_FOUND'],
    ['a closed case', [...onRemand, closed()], {}, 'CASE.CLOSED'],
    ['a person not in the case', onRemand, { personId: MIGRANT }, 'PERSON.NOT_IN_CASE'],
    [
      'an apprehended migrant',
      [opened(), apprehended()],
      { personId: MIGRANT },
      'PERSON.NOT_A_SUSPECT',
    ],
    [
      'a suspect released from remand',
      [...onRemand, released(at('09:00', 15))],
      {},
      'CUSTODY.NOT_ON_REMAND',
    ],
    [
      'an extender the law does not name',
      onRemand,
      { by: 'investigating-judge' },
      'CUSTODY.INVALID_EXTENDER',
    ],
    ['three months by the panel', onRemand, { months: 3 }, 'CUSTODY.EXTENSION_TOO_LONG'],
    [
      'four months by the Supreme Court',
      onRemand,
      { by: 'supreme-court', months: 4 },
      'CUSTODY.EXTENSION_TOO_LONG',
    ],
    ['zero months', onRemand, { months: 0 }, 'CUSTODY.EXTENSION_TOO_LONG'],
    ['a fraction of a month', onRemand, { months: 1.5 }, 'CUSTODY.EXTENSION_TOO_LONG'],
    ['a blank reference', onRemand, { reference: ' ' }, 'CUSTODY.INVALID_REFERENCE'],
    [
      'a time before the arrest',
      onRemand,
      { occurredAt: at('08:30') },
      'TIME.BEFORE_ARREST_OR_APPREHENSION',
    ],
    [
      'a time before the remand order on record',
      onRemand,
      { occurredAt: at('21:00') },
      'TIME.BEFORE_PREVIOUS_CUSTODY_ACT',
    ],
  ] as const)('refuses %s', (_label, history, overrides, code) => {
    expect(
      given(...history)
        .when(extendRemand(overrides))
        .refusal().code,
    ).toBe(code);
  });

  it('takes an extension entered before its remand order, which is then missing on record', () => {
    const history = [opened(), arrested(), broughtBeforeJudge()];
    const state = given(...history);
    const [event] = state.when(extendRemand()).events();
    expect(state.after(event).persons[SUSPECT].missingOnRecord).toEqual(['remand-order']);
    const complete = given(...history, event).after(remanded());
    expect(complete.persons[SUSPECT]).toMatchObject({
      missingOnRecord: [],
      custody: { phase: 'remand', months: 3 },
    });
  });

  describe('by the Supreme Court', () => {
    it('is refused under Art. 308(3), which carries at most five years', () => {
      const refusal = given(
        openedFor(at('08:00'), 3),
        ...onRemand.slice(1),
        remandExtended(at('10:00', 15), 2),
      )
        .when(extendRemand({ by: 'supreme-court', months: 1 }))
        .refusal();
      expect(refusal.code).toBe('CUSTODY.SUPREME_COURT_NOT_AVAILABLE');
      expect(refusal.details).toEqual({ personId: SUSPECT, paragraph: 3, maxPrisonYears: 5 });
    });

    it('lists the panel extension as missing while none is on record', () => {
      const state = given(...onRemand);
      const [event] = state.when(extendRemand({ by: 'supreme-court', months: 1 })).events();
      expect(state.after(event).persons[SUSPECT].missingOnRecord).toEqual(['panel-extension']);
      const panel = remandExtended(at('10:00', 15), 1);
      expect(given(...onRemand, event).after(panel).persons[SUSPECT].missingOnRecord).toEqual([]);
    });
  });

  it('names the months asked for when one extension is too long', () => {
    const refusal = given(...onRemand)
      .when(extendRemand({ months: 3 }))
      .refusal();
    expect(refusal.details).toEqual({ personId: SUSPECT, months: 3, perExtension: 2 });
  });
});
