import { CUSTODY_RULES, CustodyRules } from '../../shared/rules';
import { CaseEvent } from '../events';
import {
  SUSPECT,
  arrested,
  at,
  broughtBeforeJudge,
  decisionIssued,
  detained,
  given,
  handedOver,
  opened,
  released,
  remandExtended,
  remandServed,
  remanded,
} from '../testing/case-scenario';
import { Custody, CustodyClock, custodyClocks, isHeld, remandExpiry } from './custody';

const custodyAfter = (...events: CaseEvent[]): Custody => {
  const { state } = given(opened(), ...events);
  if (state.status === 'none') throw new Error('the history opens no case');
  return state.persons[SUSPECT].custody;
};

// Deadlines compared as ISO strings, so that a failure shows the instant that was expected.
const iso = (clocks: CustodyClock[]) =>
  clocks.map((c) => ({
    kind: c.kind,
    startedAt: c.startedAt.toISOString(),
    deadline: c.deadline.toISOString(),
    metAt: c.metAt?.toISOString() ?? null,
  }));

const policeClocks = (
  writtenDecisionMetAt: string | null,
  arrestedAt = '2024-03-14T09:00:00.000Z',
  policeDeadline = '2024-03-16T09:00:00.000Z',
  writtenDeadline = '2024-03-14T15:00:00.000Z',
) => [
  { kind: 'police-custody', startedAt: arrestedAt, deadline: policeDeadline, metAt: null },
  {
    kind: 'written-detention-decision',
    startedAt: arrestedAt,
    deadline: writtenDeadline,
    metAt: writtenDecisionMetAt,
  },
];

// Ordered at 22:00 on 14 March; the remand counts from the arrest at 09:00 (10:00 in Ljubljana).
const remandClocks = (servedAt: string | null, remandDeadline: string) => [
  {
    kind: 'remand-order-service',
    startedAt: '2024-03-14T22:00:00.000Z',
    deadline: '2024-03-15T22:00:00.000Z',
    metAt: servedAt,
  },
  {
    kind: 'remand',
    startedAt: '2024-03-14T09:00:00.000Z',
    deadline: remandDeadline,
    metAt: null,
  },
];

const onRemand = [arrested(), detained(), decisionIssued(), broughtBeforeJudge(), remanded()];

describe('custody clocks', () => {
  it('runs the 48 police hours and the 6 hours to a written decision from the arrest', () => {
    expect(iso(custodyClocks(custodyAfter(arrested())))).toEqual(policeClocks(null));
  });

  // The stricter reading: detention does not restart the clocks the arrest started.
  it('keeps counting from the arrest once police detention starts', () => {
    expect(iso(custodyClocks(custodyAfter(arrested(), detained())))).toEqual(policeClocks(null));
  });

  it('marks the written-decision clock as met when the decision is issued', () => {
    expect(iso(custodyClocks(custodyAfter(arrested(), detained(), decisionIssued())))).toEqual(
      policeClocks('2024-03-14T10:00:00.000Z'),
    );
  });

  it('starts the police clocks afresh on a new arrest after a release', () => {
    const custody = custodyAfter(arrested(), released(at('10:00')), arrested(SUSPECT, at('11:00')));
    expect(iso(custodyClocks(custody))).toEqual(
      policeClocks(
        null,
        '2024-03-14T11:00:00.000Z',
        '2024-03-16T11:00:00.000Z',
        '2024-03-14T17:00:00.000Z',
      ),
    );
  });

  it('replaces the police clocks with 48 judicial hours from being brought before the judge', () => {
    const custody = custodyAfter(arrested(), detained(), decisionIssued(), broughtBeforeJudge());
    expect(iso(custodyClocks(custody))).toEqual([
      {
        kind: 'judicial-detention',
        startedAt: '2024-03-14T20:00:00.000Z',
        deadline: '2024-03-16T20:00:00.000Z',
        metAt: null,
      },
    ]);
  });

  // ZKP Art. 205(1): one month from the day of deprivation of liberty; 10:00 local time is
  // 08:00Z once summer time has started.
  it('on remand, runs 24 hours to serve the order and one calendar month from the arrest', () => {
    expect(iso(custodyClocks(custodyAfter(...onRemand)))).toEqual(
      remandClocks(null, '2024-04-14T08:00:00.000Z'),
    );
  });

  it('keeps the deprivation of liberty that led to the remand', () => {
    expect(custodyAfter(...onRemand)).toEqual({
      phase: 'remand',
      deprivedAt: at('09:00'),
      orderedAt: at('22:00'),
      months: 1,
      servedAt: null,
      panelExtended: false,
    });
  });

  it('marks the service clock as met when the order is served', () => {
    expect(iso(custodyClocks(custodyAfter(...onRemand, remandServed())))).toEqual(
      remandClocks('2024-03-15T08:00:00.000Z', '2024-04-14T08:00:00.000Z'),
    );
  });

  it('moves the end of remand by each extension, counted from the arrest', () => {
    const extendedByPanel = custodyAfter(
      ...onRemand,
      remandServed(),
      remandExtended(at('09:00', 15), 2),
    );
    expect(iso(custodyClocks(extendedByPanel))).toEqual(
      remandClocks('2024-03-15T08:00:00.000Z', '2024-06-14T08:00:00.000Z'),
    );

    const andBySupremeCourt = custodyAfter(
      ...onRemand,
      remandServed(),
      remandExtended(at('09:00', 15), 2),
      remandExtended(at('10:00', 15), 3, 'supreme-court'),
    );
    expect(iso(custodyClocks(andBySupremeCourt))).toEqual(
      remandClocks('2024-03-15T08:00:00.000Z', '2024-09-14T08:00:00.000Z'),
    );
  });

  describe('a remand ordered on 31 January, two days after an arrest on 29 January', () => {
    // 10:00 on 29 January and 23:00 on 31 January in Ljubljana.
    const custody: Custody = {
      phase: 'remand',
      deprivedAt: new Date('2024-01-29T09:00:00Z'),
      orderedAt: new Date('2024-01-31T22:00:00Z'),
      months: 1,
      servedAt: null,
      panelExtended: false,
    };

    it('ends one month after the arrest, on 29 February', () => {
      const [, remand] = custodyClocks(custody);
      expect([remand.startedAt.toISOString(), remand.deadline.toISOString()]).toEqual([
        '2024-01-29T09:00:00.000Z',
        '2024-02-29T09:00:00.000Z',
      ]);
      expect(remandExpiry(custody).toISOString()).toBe('2024-02-29T09:00:00.000Z');
    });

    // The switch for another reading of the law: each remand counted from its order.
    it('ends on the last day of February when the rules count remand from the order', () => {
      const rules: CustodyRules = { ...CUSTODY_RULES, remandCountsFromDeprivationOfLiberty: false };
      const [, remand] = custodyClocks(custody, rules);
      expect([remand.startedAt.toISOString(), remand.deadline.toISOString()]).toEqual([
        '2024-01-31T22:00:00.000Z',
        '2024-02-29T22:00:00.000Z',
      ]);
      expect(remandExpiry(custody, rules).toISOString()).toBe('2024-02-29T22:00:00.000Z');
    });

    it('counts calendar months in the time zone of the rules', () => {
      const rules: CustodyRules = { ...CUSTODY_RULES, timeZone: 'UTC' };
      expect(
        remandExpiry({ ...custody, deprivedAt: new Date('2024-01-30T23:30:00Z') }, rules),
      ).toEqual(new Date('2024-02-29T23:30:00Z'));
    });
  });

  it('takes its figures from the rules it is given', () => {
    const custody = custodyAfter(arrested());
    const rules: CustodyRules = {
      ...CUSTODY_RULES,
      policeCustodyMaxHours: 24,
      writtenDetentionDecisionAfterHours: 3,
    };
    const clocks = custodyClocks(custody, rules);
    expect(clocks.map((c) => c.deadline.toISOString())).toEqual([
      '2024-03-15T09:00:00.000Z',
      '2024-03-14T12:00:00.000Z',
    ]);
  });

  it.each([
    ['a released suspect', [arrested(), released()]],
    ['a suspect handed over abroad', [arrested(), released(), handedOver(at('12:00'), SUSPECT)]],
  ] as const)('runs no clock for %s', (_label, history) => {
    expect(custodyClocks(custodyAfter(...history))).toEqual([]);
  });
});

describe('is held', () => {
  it.each([
    ['arrested', [arrested()], true],
    ['in police detention', [arrested(), detained()], true],
    ['before the judge', [arrested(), broughtBeforeJudge()], true],
    ['on remand', [arrested(), remanded()], true],
    ['released', [arrested(), released()], false],
    ['handed over abroad', [arrested(), released(), handedOver(at('12:00'), SUSPECT)], false],
  ] as const)('says whether a suspect %s is held', (_label, history, held) => {
    expect(isHeld(custodyAfter(...history))).toBe(held);
  });
});

describe('remand months in the case', () => {
  const personAfter = (...events: CaseEvent[]) => {
    const { state } = given(opened(), ...events);
    if (state.status === 'none') throw new Error('the history opens no case');
    return state.persons[SUSPECT];
  };
  const firstRemand = [
    arrested(),
    remanded(),
    remandServed(),
    remandExtended(at('09:00', 15), 2),
  ] as const;

  it('counts no earlier remand during the first', () => {
    expect(personAfter(...firstRemand)).toMatchObject({
      remandMonthsBefore: 0,
      custody: { phase: 'remand', months: 3 },
    });
  });

  it('keeps the months ordered in a remand once it ends by a release', () => {
    expect(personAfter(...firstRemand, released(at('10:00', 15)))).toMatchObject({
      remandMonthsBefore: 3,
      custody: { phase: 'free' },
    });
  });

  // The months of the new remand start afresh; those of the earlier one are kept beside them.
  it('adds the months of every earlier remand, whatever follows', () => {
    const person = personAfter(
      ...firstRemand,
      released(at('10:00', 15)),
      arrested(SUSPECT, at('10:30', 15)),
      remanded(at('11:00', 15)),
      released(at('11:30', 15)),
      arrested(SUSPECT, at('11:40', 15)),
    );
    expect(person).toMatchObject({
      remandMonthsBefore: 4,
      custody: { phase: 'arrested', deprivedAt: at('11:40', 15) },
    });
  });
});
