import fc from 'fast-check';
import { custodyClocks } from '../case/state/custody';
import { SUSPECT, arrested, given, opened } from '../case/testing/case-scenario';
import {
  DeskClock,
  DeskClockKind,
  DeskStanding,
  LAWFUL_GROUNDS,
  RemandUse,
  deskOrder,
  deskStanding,
  deskTime,
  inDeskWindow,
} from './desk-entry';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const plus = (at: Date, ms: number) => new Date(at.getTime() + ms);
const hours = (n: number) => n * HOUR;
const minutes = (n: number) => n * MINUTE;

const clock = (
  kind: DeskClockKind,
  deadline: Date,
  metAt: Date | null = null,
  startedAt: Date = plus(deadline, -hours(48)),
): DeskClock => ({ kind, startedAt, deadline, metAt });

// Winter: Ljubljana is UTC+1. Arrested 09:00 local on 10 January 2024.
const ARREST = new Date('2024-01-10T08:00:00Z');
const STALE_AFTER_HOURS = 24;

describe('the custody desk: where each person held stands', () => {
  describe('the 44-hour case: arrested 44 hours ago, no written detention decision', () => {
    // 05:00 local on 12 January.
    const now = plus(ARREST, hours(44));
    const clocks = [
      clock('police-custody', plus(ARREST, hours(48)), null, ARREST),
      clock('written-detention-decision', plus(ARREST, hours(6)), null, ARREST),
    ];
    const standing = deskStanding(clocks, now, STALE_AFTER_HOURS);

    it('has the police custody running with 4 hours left and the written decision overdue', () => {
      expect(standing.clocks).toEqual([
        {
          kind: 'police-custody',
          startedAt: ARREST,
          deadline: new Date('2024-01-12T08:00:00Z'),
          metAt: null,
          state: 'running',
          minutesLeft: 240,
          action: {
            code: 'release-or-bring-before-judge',
            text: 'release or bring before the investigating judge by 09:00',
          },
        },
        {
          kind: 'written-detention-decision',
          startedAt: ARREST,
          deadline: new Date('2024-01-10T14:00:00Z'),
          metAt: null,
          state: 'overdue',
          minutesLeft: -38 * 60,
          action: {
            code: 'issue-detention-decision',
            text: 'overdue since 2024-01-10 15:00: issue the written detention decision',
          },
        },
      ]);
    });

    it('is overdue since the 6th hour, next due at the 48th, and still on a lawful ground', () => {
      expect(standing.overdueSince).toEqual(plus(ARREST, hours(6)));
      expect(standing.nextDeadline).toEqual(plus(ARREST, hours(48)));
      expect(standing.noGroundSince).toBeNull();
      expect(standing.stale).toBe(false);
    });

    it.each([
      [null, true],
      [false, true], // its running police custody ends within the window
      [true, true], // it is overdue
    ] as const)('is in the 6-hour window with overdue=%s: %s', (overdue, expected) => {
      expect(inDeskWindow(standing, plus(now, hours(6)), overdue)).toBe(expected);
    });

    it('stands the same with the clocks the case itself gives for the arrest', () => {
      const { state } = given(opened(), arrested());
      if (state.status === 'none') throw new Error('the history opens no case');
      const arrestedAt = new Date('2024-03-14T09:00:00Z');
      const fromCase = deskStanding(
        custodyClocks(state.persons[SUSPECT].custody),
        plus(arrestedAt, hours(44)),
        STALE_AFTER_HOURS,
      );
      expect(fromCase.clocks.map((c) => [c.kind, c.state, c.minutesLeft])).toEqual([
        ['police-custody', 'running', 240],
        ['written-detention-decision', 'overdue', -38 * 60],
      ]);
      expect(fromCase.overdueSince).toEqual(plus(arrestedAt, hours(6)));
      expect(fromCase.nextDeadline).toEqual(plus(arrestedAt, hours(48)));
      expect(inDeskWindow(fromCase, plus(arrestedAt, hours(50)), false)).toBe(true);
    });
  });

  describe('clock states and minutes left', () => {
    const now = new Date('2024-01-15T12:00:00Z');

    it('counts whole minutes left, rounding down, negative once overdue', () => {
      const standing = deskStanding(
        [
          clock('police-custody', plus(now, minutes(90) + 30_000)),
          clock('written-detention-decision', plus(now, -30_000)),
          clock('remand-order-service', plus(now, -minutes(61) - 1)),
          clock('judicial-detention', plus(now, 59_999)),
        ],
        now,
        STALE_AFTER_HOURS,
      );
      expect(standing.clocks.map((c) => [c.state, c.minutesLeft])).toEqual([
        ['running', 90],
        ['overdue', -1],
        ['overdue', -62],
        ['running', 0],
      ]);
    });

    it('is overdue at the deadline itself, with 0 minutes left', () => {
      const standing = deskStanding([clock('remand', now)], now, STALE_AFTER_HOURS);
      expect(standing.clocks.map((c) => [c.state, c.minutesLeft])).toEqual([['overdue', 0]]);
      expect(standing.overdueSince).toEqual(now);
      expect(standing.nextDeadline).toBeNull();
    });

    it('never counts a met clock as overdue or running, and gives it no action', () => {
      const standing = deskStanding(
        [
          clock('written-detention-decision', plus(now, -hours(3)), plus(now, -hours(4))),
          // Met late: still met, not overdue.
          clock('remand-order-service', plus(now, -hours(2)), plus(now, -hours(1))),
          clock('detention-appeal', plus(now, hours(5)), plus(now, -minutes(10))),
          clock('police-custody', plus(now, hours(20))),
        ],
        now,
        STALE_AFTER_HOURS,
      );
      expect(standing.clocks.map((c) => [c.kind, c.state, c.minutesLeft, c.action])).toEqual([
        ['written-detention-decision', 'met', -180, null],
        ['remand-order-service', 'met', -120, null],
        ['detention-appeal', 'met', 300, null],
        [
          'police-custody',
          'running',
          1200,
          {
            code: 'release-or-bring-before-judge',
            text: 'release or bring before the investigating judge by 2024-01-16 09:00',
          },
        ],
      ]);
      expect(standing.overdueSince).toBeNull();
      // The met appeal in 5 hours is no deadline ahead; the police custody in 20 is.
      expect(standing.nextDeadline).toEqual(plus(now, hours(20)));
    });

    it('keeps the most recent breach as overdueSince and the nearest deadline ahead', () => {
      const standing = deskStanding(
        [
          clock('written-detention-decision', plus(now, -hours(30))),
          clock('detention-appeal', plus(now, -hours(2))),
          clock('remand-order-service', plus(now, -hours(9))),
          clock('remand', plus(now, hours(700))),
          clock('remand-appeal', plus(now, hours(7))),
        ],
        now,
        STALE_AFTER_HOURS,
      );
      expect(standing.overdueSince).toEqual(plus(now, -hours(2)));
      expect(standing.nextDeadline).toEqual(plus(now, hours(7)));
    });

    it('has nothing overdue and nothing ahead for a person with no clocks', () => {
      expect(deskStanding([], now, STALE_AFTER_HOURS)).toEqual({
        clocks: [],
        overdueSince: null,
        nextDeadline: null,
        noGroundSince: null,
        stale: false,
      });
    });
  });

  describe('held on no lawful ground', () => {
    const now = new Date('2024-01-20T12:00:00Z');

    it('names the lawful grounds: police custody, judicial detention, remand, border detention', () => {
      expect([...LAWFUL_GROUNDS].sort()).toEqual([
        'border-detention',
        'judicial-detention',
        'police-custody',
        'remand',
      ]);
    });

    it.each([
      ['police-custody', 'written-detention-decision'],
      ['judicial-detention', 'detention-appeal'],
      ['remand', 'remand-order-service'],
      ['border-detention', 'remand-appeal'],
    ] as const)('has no ground once %s has passed (beside a met %s)', (ground, duty) => {
      const ended = plus(now, -hours(3));
      const standing = deskStanding(
        [clock(ground, ended), clock(duty, plus(now, -hours(40)), plus(now, -hours(41)))],
        now,
        STALE_AFTER_HOURS,
      );
      expect(standing.noGroundSince).toEqual(ended);
      expect(standing.overdueSince).toEqual(ended);
      expect(standing.stale).toBe(false);
    });

    it('is on no ground since the latest ground deadline once every ground has passed', () => {
      const standing = deskStanding(
        [
          clock('police-custody', plus(now, -hours(30))),
          clock('border-detention', plus(now, -hours(5))),
          clock('judicial-detention', plus(now, -hours(12))),
        ],
        now,
        STALE_AFTER_HOURS,
      );
      expect(standing.noGroundSince).toEqual(plus(now, -hours(5)));
      expect(standing.stale).toBe(false);
    });

    it('still has a ground while one ground clock runs, however long the others passed', () => {
      const standing = deskStanding(
        [clock('police-custody', plus(now, -hours(300))), clock('remand', plus(now, hours(1)))],
        now,
        STALE_AFTER_HOURS,
      );
      expect(standing.noGroundSince).toBeNull();
      expect(standing.stale).toBe(false);
      expect(standing.overdueSince).toEqual(plus(now, -hours(300)));
    });

    it('has a ground when only a duty is overdue: a written decision late, custody running', () => {
      const standing = deskStanding(
        [
          clock('police-custody', plus(now, hours(2))),
          clock('written-detention-decision', plus(now, -hours(40))),
        ],
        now,
        STALE_AFTER_HOURS,
      );
      expect(standing.overdueSince).toEqual(plus(now, -hours(40)));
      expect(standing.noGroundSince).toBeNull();
      expect(standing.stale).toBe(false);
    });

    it('has no noGroundSince for a person with only duty clocks, however overdue', () => {
      const standing = deskStanding(
        [clock('remand-order-service', plus(now, -hours(100)))],
        now,
        STALE_AFTER_HOURS,
      );
      expect(standing.overdueSince).toEqual(plus(now, -hours(100)));
      expect(standing.noGroundSince).toBeNull();
      expect(standing.stale).toBe(false);
    });

    it.each([
      ['a minute after the ground ended', minutes(1), false],
      ['a second before the stale limit', hours(24) - 1000, false],
      ['exactly at the stale limit', hours(24), true],
      ['well past the stale limit', hours(24 * 30), true],
    ])('is stale only once the limit has passed: %s', (_label, since, stale) => {
      const ended = new Date('2024-01-18T08:00:00Z');
      const standing = deskStanding(
        [
          clock('police-custody', ended),
          clock('written-detention-decision', plus(ended, -hours(42))),
        ],
        plus(ended, since),
        STALE_AFTER_HOURS,
      );
      expect(standing.noGroundSince).toEqual(ended);
      expect(standing.stale).toBe(stale);
    });

    it('judges staleness against the limit it is given', () => {
      const ended = new Date('2024-01-18T08:00:00Z');
      const clocks = [clock('remand', ended)];
      const later = plus(ended, hours(6));
      expect(deskStanding(clocks, later, 6).stale).toBe(true);
      expect(deskStanding(clocks, later, 7).stale).toBe(false);
    });
  });

  describe('the window a console asks for', () => {
    const now = new Date('2024-01-15T12:00:00Z');
    const until = plus(now, hours(6));

    // One person per combination: an overdue clock or not; a running clock ending by `until`,
    // or only one ending after it.
    const standingOf = (hasOverdue: boolean, endsInWindow: boolean): DeskStanding =>
      deskStanding(
        [
          clock('police-custody', endsInWindow ? plus(now, hours(5)) : plus(now, hours(30))),
          clock(
            'written-detention-decision',
            hasOverdue ? plus(now, -hours(2)) : plus(now, -hours(30)),
            hasOverdue ? null : plus(now, -hours(31)),
          ),
        ],
        now,
        STALE_AFTER_HOURS,
      );

    // The documented rules: within a window, a running clock ending by `until` puts the person
    // in; being overdue puts them in unless overdue=false; overdue=true keeps only the overdue.
    // Without a window, overdue=false keeps only the not overdue, and null keeps everyone.
    it.each([
      // hasOverdue, endsInWindow, overdue, window, expected
      [true, true, null, true, true],
      [true, true, true, true, true],
      [true, true, false, true, true],
      [true, false, null, true, true],
      [true, false, true, true, true],
      [true, false, false, true, false],
      [false, true, null, true, true],
      [false, true, true, true, false],
      [false, true, false, true, true],
      [false, false, null, true, false],
      [false, false, true, true, false],
      [false, false, false, true, false],
      [true, true, null, false, true],
      [true, true, true, false, true],
      [true, true, false, false, false],
      [true, false, null, false, true],
      [true, false, true, false, true],
      [true, false, false, false, false],
      [false, true, null, false, true],
      [false, true, true, false, false],
      [false, true, false, false, true],
      [false, false, null, false, true],
      [false, false, true, false, false],
      [false, false, false, false, true],
    ] as const)(
      'overdue clock %s, running clock ending in window %s, overdue=%s, window given %s -> %s',
      (hasOverdue, endsInWindow, overdue, window, expected) => {
        const standing = standingOf(hasOverdue, endsInWindow);
        expect(standing.overdueSince !== null).toBe(hasOverdue);
        expect(inDeskWindow(standing, window ? until : null, overdue)).toBe(expected);
      },
    );

    it('counts a running clock ending exactly at the end of the window as in it', () => {
      const standing = deskStanding([clock('remand', until)], now, STALE_AFTER_HOURS);
      expect(inDeskWindow(standing, until, null)).toBe(true);
      expect(inDeskWindow(standing, plus(until, -1), null)).toBe(false);
    });

    it('does not count a met clock ending in the window', () => {
      const standing = deskStanding(
        [
          clock('detention-appeal', plus(now, hours(1)), plus(now, -hours(1))),
          clock('police-custody', plus(now, hours(30))),
        ],
        now,
        STALE_AFTER_HOURS,
      );
      expect(inDeskWindow(standing, until, null)).toBe(false);
      expect(inDeskWindow(standing, until, false)).toBe(false);
    });
  });

  describe('the order of the desk', () => {
    const now = new Date('2024-06-15T12:00:00Z');
    const standingWith = (...clocks: DeskClock[]) => deskStanding(clocks, now, STALE_AFTER_HOURS);
    const overdueAt = (deadline: Date) =>
      standingWith(clock('written-detention-decision', deadline));
    const dueAt = (deadline: Date) => standingWith(clock('police-custody', deadline));

    const breachedTenMinutesAgo = overdueAt(plus(now, -minutes(10)));
    const breachedMonthsAgo = overdueAt(new Date('2024-02-01T09:00:00Z'));
    const dueInAnHour = dueAt(plus(now, hours(1)));
    const dueInADay = dueAt(plus(now, hours(24)));

    it('puts the most recent breach first', () => {
      expect(deskOrder(breachedTenMinutesAgo, breachedMonthsAgo)).toBeLessThan(0);
      expect(deskOrder(breachedMonthsAgo, breachedTenMinutesAgo)).toBeGreaterThan(0);
    });

    it('puts the overdue before the not overdue, however near its deadline', () => {
      expect(deskOrder(breachedMonthsAgo, dueAt(plus(now, minutes(1))))).toBe(-1);
      expect(deskOrder(dueAt(plus(now, minutes(1))), breachedMonthsAgo)).toBe(1);
    });

    it('orders the not overdue by their nearest deadline, those with none last', () => {
      expect(deskOrder(dueInAnHour, dueInADay)).toBe(-hours(23));
      expect(deskOrder(dueInADay, dueInAnHour)).toBe(hours(23));
      expect(deskOrder(dueInADay, standingWith())).toBeLessThan(0);
      expect(deskOrder(standingWith(), dueInADay)).toBeGreaterThan(0);
    });

    it('orders an overdue person by the breach, not by the deadline still ahead', () => {
      const overdueSoonDue = standingWith(
        clock('written-detention-decision', plus(now, -hours(30))),
        clock('police-custody', plus(now, minutes(5))),
      );
      expect(deskOrder(breachedTenMinutesAgo, overdueSoonDue)).toBeLessThan(0);
    });

    it.each([
      [
        'two breaches at the same time',
        breachedMonthsAgo,
        overdueAt(breachedMonthsAgo.overdueSince!),
      ],
      ['two deadlines at the same time', dueInADay, dueAt(dueInADay.nextDeadline!)],
    ])('ties %s', (_label, a, b) => {
      expect(deskOrder(a, b)).toBe(0);
    });

    it('leaves two persons with no deadline ahead and nothing overdue as they were', () => {
      const nothing = standingWith();
      const onlyMet = standingWith(
        clock('detention-appeal', plus(now, hours(3)), plus(now, -hours(1))),
      );
      expect([nothing, onlyMet].sort(deskOrder)).toEqual([nothing, onlyMet]);
      expect([onlyMet, nothing].sort(deskOrder)).toEqual([onlyMet, nothing]);
      expect([onlyMet, nothing, dueInADay].sort(deskOrder)).toEqual([dueInADay, onlyMet, nothing]);
    });

    // In the order the desk shows them; the index breaks ties.
    const desk: readonly DeskStanding[] = [
      breachedTenMinutesAgo,
      overdueAt(plus(now, -hours(3))),
      overdueAt(plus(now, -hours(3))),
      overdueAt(plus(now, -hours(40))),
      breachedMonthsAgo,
      dueAt(plus(now, minutes(1))),
      dueInAnHour,
      dueInAnHour,
      standingWith(
        clock('remand', plus(now, hours(5))),
        clock('remand-appeal', plus(now, hours(2))),
      ),
      dueInADay,
      standingWith(),
      standingWith(clock('detention-appeal', plus(now, hours(3)), plus(now, -hours(1)))),
    ];

    it('sorts any permutation of the desk into the same order', () => {
      const entries = desk.map((standing, index) => ({ standing, index }));
      fc.assert(
        fc.property(
          fc.shuffledSubarray(entries, { minLength: entries.length, maxLength: entries.length }),
          (shuffled) => {
            const sorted = [...shuffled].sort(
              (a, b) => deskOrder(a.standing, b.standing) || a.index - b.index,
            );
            expect(sorted.map((e) => e.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
          },
        ),
      );
    });
  });

  describe('local times on the desk', () => {
    it.each([
      // Winter, UTC+1.
      ['the same local day', '2024-01-10T20:28:00Z', '2024-01-10T09:00:00Z', '21:28'],
      ['another local day', '2024-03-15T20:28:00Z', '2024-03-14T09:00:00Z', '2024-03-15 21:28'],
      // 23:30 UTC is already the next day in Ljubljana.
      [
        'the next local day, same UTC day',
        '2024-01-10T23:30:00Z',
        '2024-01-10T22:00:00Z',
        '2024-01-11 00:30',
      ],
      [
        'the same local day, another UTC day',
        '2024-01-11T10:00:00Z',
        '2024-01-10T23:10:00Z',
        '11:00',
      ],
      // Summer time starts 31 March 2024 at 02:00 (01:00 UTC): 02:00 becomes 03:00.
      ['across the spring change', '2024-03-31T01:30:00Z', '2024-03-31T00:30:00Z', '03:30'],
      ['just before the spring change', '2024-03-31T00:59:00Z', '2024-03-31T00:30:00Z', '01:59'],
      ['in summer time', '2024-07-01T20:28:00Z', '2024-07-01T06:00:00Z', '22:28'],
      // Summer time ends 27 October 2024 at 03:00 (01:00 UTC): 02:30 is shown twice.
      ['the first 02:30 in October', '2024-10-27T00:30:00Z', '2024-10-26T23:00:00Z', '02:30'],
      ['the second 02:30 in October', '2024-10-27T01:30:00Z', '2024-10-26T23:00:00Z', '02:30'],
      [
        'before the autumn change, from the day before',
        '2024-10-27T00:30:00Z',
        '2024-10-26T21:00:00Z',
        '2024-10-27 02:30',
      ],
    ])('shows %s', (_label, at, now, shown) => {
      expect(deskTime(new Date(at), new Date(now))).toBe(shown);
    });

    it('reads another zone when told', () => {
      expect(
        deskTime(new Date('2024-01-10T23:30:00Z'), new Date('2024-01-10T22:00:00Z'), 'UTC'),
      ).toBe('23:30');
    });
  });

  describe('what must happen next', () => {
    // 10:00 local, 15 January.
    const now = new Date('2024-01-15T09:00:00Z');
    const today = new Date('2024-01-15T20:28:00Z'); // 21:28 local
    const tomorrow = new Date('2024-01-16T07:15:00Z'); // 08:15 local
    const earlierToday = new Date('2024-01-15T06:05:00Z'); // 07:05 local
    const lastMonth = new Date('2023-12-31T22:59:00Z'); // 23:59 local, 31 December

    const actionOf = (kind: DeskClockKind, deadline: Date, remand: RemandUse | null = null) =>
      deskStanding([clock(kind, deadline)], now, STALE_AFTER_HOURS, remand).clocks[0].action;

    it.each([
      [
        'police-custody',
        today,
        'release-or-bring-before-judge',
        'release or bring before the investigating judge by 21:28',
      ],
      [
        'police-custody',
        tomorrow,
        'release-or-bring-before-judge',
        'release or bring before the investigating judge by 2024-01-16 08:15',
      ],
      [
        'police-custody',
        earlierToday,
        'release-or-bring-before-judge',
        'overdue since 07:05: release or bring before the investigating judge',
      ],
      [
        'written-detention-decision',
        today,
        'issue-detention-decision',
        'issue the written detention decision by 21:28',
      ],
      [
        'written-detention-decision',
        lastMonth,
        'issue-detention-decision',
        'overdue since 2023-12-31 23:59: issue the written detention decision',
      ],
      [
        'judicial-detention',
        tomorrow,
        'judge-decides-remand',
        'investigating judge orders remand or releases by 2024-01-16 08:15',
      ],
      ['remand-order-service', today, 'serve-remand-order', 'serve the remand order by 21:28'],
      [
        'detention-appeal',
        earlierToday,
        'panel-decides-detention-appeal',
        'overdue since 07:05: panel decides the appeal against detention',
      ],
      [
        'remand-appeal',
        today,
        'panel-decides-remand-appeal',
        'panel decides the appeal against remand by 21:28',
      ],
      [
        'border-detention',
        today,
        'refer-hand-over-or-release',
        'refer, hand over or release by 21:28',
      ],
      [
        'border-detention',
        lastMonth,
        'refer-hand-over-or-release',
        'overdue since 2023-12-31 23:59: refer, hand over or release',
      ],
    ] as const)('%s due %s: %s', (kind, deadline, code, text) => {
      expect(actionOf(kind, deadline)).toEqual({ code, text });
    });

    it('says the deadline in local time across the change to summer time', () => {
      // 01:30 local (CET) on 31 March; the deadline is 03:30 local (CEST), two hours on.
      const beforeChange = new Date('2024-03-31T00:30:00Z');
      const standing = deskStanding(
        [clock('police-custody', new Date('2024-03-31T01:30:00Z'))],
        beforeChange,
        STALE_AFTER_HOURS,
      );
      expect(standing.clocks[0].minutesLeft).toBe(60);
      expect(standing.clocks[0].action?.text).toBe(
        'release or bring before the investigating judge by 03:30',
      );
    });

    it('says the deadline in local time across the end of summer time', () => {
      // 02:10 local (CEST) on 27 October; 60 minutes on the clock shows 02:10 again (CET).
      const beforeChange = new Date('2024-10-27T00:10:00Z');
      const standing = deskStanding(
        [clock('written-detention-decision', new Date('2024-10-27T01:10:00Z'))],
        beforeChange,
        STALE_AFTER_HOURS,
      );
      expect(standing.clocks[0].minutesLeft).toBe(60);
      expect(standing.clocks[0].action?.text).toBe('issue the written detention decision by 02:10');
    });

    describe('remand', () => {
      it.each([
        [
          'no remand use known',
          null,
          'panel-decides-extension',
          'panel decides on extension or release by 21:28',
        ],
        [
          'months left, not yet extended by the panel',
          { monthsUsed: 1, ceilingMonths: 6, panelExtended: false },
          'panel-decides-extension',
          'panel decides on extension or release by 21:28',
        ],
        [
          'months left, extended by the panel',
          { monthsUsed: 3, ceilingMonths: 6, panelExtended: true },
          'supreme-court-decides-extension',
          'Supreme Court decides on extension or release by 21:28',
        ],
        [
          'the ceiling reached',
          { monthsUsed: 6, ceilingMonths: 6, panelExtended: true },
          'release-at-remand-ceiling',
          'release (remand ceiling of 6 months reached) by 21:28',
        ],
        [
          'the ceiling reached without a panel extension',
          { monthsUsed: 8, ceilingMonths: 8, panelExtended: false },
          'release-at-remand-ceiling',
          'release (remand ceiling of 8 months reached) by 21:28',
        ],
        [
          'past the ceiling',
          { monthsUsed: 7, ceilingMonths: 6, panelExtended: false },
          'release-at-remand-ceiling',
          'release (remand ceiling of 6 months reached) by 21:28',
        ],
      ])('with %s', (_label, remand, code, text) => {
        expect(actionOf('remand', today, remand)).toEqual({ code, text });
      });

      it('says an overdue remand at its ceiling was due earlier', () => {
        expect(
          actionOf('remand', lastMonth, { monthsUsed: 3, ceilingMonths: 3, panelExtended: false }),
        ).toEqual({
          code: 'release-at-remand-ceiling',
          text: 'overdue since 2023-12-31 23:59: release (remand ceiling of 3 months reached)',
        });
      });
    });
  });
});
