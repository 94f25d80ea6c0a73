import { localIsoTime, nationalityClass } from '@app/domain';
import {
  CountedPlan,
  CountedProcedure,
  caseFigures,
  countPlan,
  dayOf,
  foreignerFigures,
  occurredAt,
  procedureTotals,
} from './plan-figures';
import { JOINT_OPERATION_CODE } from './plan/joint-operation';
import { KEPT_FREE_DAYS } from './plan/periods';
import { Body, PlannedHistory } from './plan/plan';
import { PLAN_VERSION, planHistory, planSize } from './seed-history';

/*
 * The plan is counted (plan-figures) by the rules the statistics and GET /procedures implement,
 * from the planned steps alone: a small counter of its own, so that a slip in the generator's
 * bookkeeping cannot hide behind itself.
 */

const figures = (counted: CountedPlan, from: string, to: string) =>
  caseFigures(counted.cases, from, to);
const instant = (iso: string) => Date.parse(iso);

const plan = planHistory(2024);
const counted = countPlan(plan);
/** Another seed's plan, made once: a plan takes seconds. */
let otherSeed: PlannedHistory | undefined;
const planOfSeed7 = () => (otherSeed ??= planHistory(7));

describe('the seeded case history', () => {
  const steps = plan.cases.flatMap((c) => c.steps);

  it('has the 2022 and 2023 case counts of the releases', () => {
    expect(figures(counted, '2022-01-01', '2023-01-01').cases).toBe(242);
    expect(figures(counted, '2023-01-01', '2024-01-01').cases).toBe(479);
  });

  it('has the 2023 figures of the releases', () => {
    expect(figures(counted, '2023-01-01', '2024-01-01')).toMatchObject({
      cases: 479,
      arrested: 557,
      foreigners: 548,
      slovenians: 9,
      migrants: 3280,
      remanded: 514,
    });
  });

  it('has 27 cases in January and February 2023, whether 1 March is read in or not', () => {
    expect(figures(counted, '2023-01-01', '2023-03-01').cases).toBe(27);
    expect(figures(counted, '2023-01-01', '2023-03-02').cases).toBe(27);
  });

  it('has 275 smugglers arrested in 2023 to 27 September, whether that day is read in or not', () => {
    expect(figures(counted, '2023-01-01', '2023-09-27').arrested).toBe(275);
    expect(figures(counted, '2023-01-01', '2023-09-28').arrested).toBe(275);
  });

  it('has the figures of 2024 to 1 March, whether 1 March is read in or not', () => {
    const expected = {
      cases: 121,
      arrested: 137,
      foreigners: 135,
      slovenians: 2,
      migrants: 757,
    };
    expect(figures(counted, '2024-01-01', '2024-03-01')).toMatchObject(expected);
    expect(figures(counted, '2024-01-01', '2024-03-02')).toMatchObject(expected);
  });

  it('opens no case and arrests or apprehends nobody on the days kept free', () => {
    const acts = [...steps, ...plan.procedureGroups.flatMap((g) => g.steps)].filter(
      (s) =>
        /^\/cases(\/:caseId\/(arrests|apprehensions|apprehension-groups))?$/.test(s.route) ||
        s.route === '/procedures',
    );
    expect(acts.length).toBeGreaterThan(plan.cases.length + plan.procedureGroups.length);
    expect(KEPT_FREE_DAYS).toEqual(['2023-03-01', '2023-09-27', '2024-03-01']);
    expect(acts.filter((s) => KEPT_FREE_DAYS.includes(dayOf(occurredAt(s))))).toEqual([]);
  });

  it('has more than 98% (about 98.5%) of foreign migrants expressing an asylum intent, every year', () => {
    for (const [from, to] of [
      ['2022-01-01', '2023-01-01'],
      ['2023-01-01', '2024-01-01'],
      ['2024-01-01', '2025-01-01'],
      ['2024-01-01', '2024-03-01'],
    ]) {
      const share = figures(counted, from, to).intentShare;
      expect(share).toBeGreaterThan(0.98);
      expect(share).toBeLessThan(0.99);
    }
  });

  it('has the joint operation with Croatia of 13-15 March 2024: 127 migrants and 4 smugglers', () => {
    const linked = counted.cases.filter((c) => c.jointOperation);
    expect(linked.length).toBeGreaterThanOrEqual(1);
    for (const c of linked) {
      expect(c.jointOperation).toMatchObject({ partnerCountry: 'HR', kind: 'mixed-patrol' });
    }
    const people = linked.flatMap((c) => [...c.people.values()]);
    const migrants = people.filter((p) => p.firstApprehension !== undefined);
    const smugglers = people.filter((p) => p.firstArrest !== undefined);
    expect(migrants).toHaveLength(127);
    expect(smugglers).toHaveLength(4);
    const days = new Set(
      [...migrants.map((p) => p.firstApprehension!), ...smugglers.map((p) => p.firstArrest!)].map(
        dayOf,
      ),
    );
    expect([...days].sort()).toEqual(['2024-03-13', '2024-03-14', '2024-03-15']);
    const usual = migrants.filter((p) => ['SY', 'AF', 'MA', 'BD'].includes(p.nationality ?? ''));
    expect(usual.length / migrants.length).toBeGreaterThan(0.8);
  });

  it('has people caught again in a later case who express the intent again', () => {
    const casesByPerson = new Map<string, { index: number; intents: number }[]>();
    counted.cases.forEach((c, index) => {
      for (const p of c.people.values()) {
        if (p.firstApprehension === undefined) continue;
        casesByPerson.set(p.person, [
          ...(casesByPerson.get(p.person) ?? []),
          { index, intents: p.intents },
        ]);
      }
    });
    const again = [...casesByPerson.entries()].filter(([, seen]) => seen.length > 1);
    expect(again.length).toBeGreaterThan(20);
    const intentsAgain = again.filter(([, seen]) => seen.filter((s) => s.intents > 0).length > 1);
    expect(intentsAgain.length).toBeGreaterThan(20);
    // The loader runs a case after the case that last saw the people it names.
    for (const [person, seen] of again) {
      seen.slice(1).forEach((later, i) => {
        expect({ person, after: plan.cases[later.index].after }).toEqual({
          person,
          after: expect.arrayContaining([plan.cases[seen[i].index].key]) as unknown,
        });
      });
    }
  });

  it("keeps each case's acts after its opening, its people's acts in its year, and nothing in the future", () => {
    const now = Date.now();
    for (const planned of plan.cases) {
      const [open, ...rest] = planned.steps;
      expect(open.route).toBe('/cases');
      const opened = new Date(occurredAt(open)).getTime();
      const year = dayOf(occurredAt(open)).slice(0, 4);
      let previous = opened;
      for (const step of rest) {
        const at = new Date(occurredAt(step)).getTime();
        expect(at).toBeGreaterThanOrEqual(previous);
        expect(at).toBeLessThan(now);
        previous = at;
        if (step.personKey !== undefined || step.answers !== undefined) {
          expect({ step: step.key, year: dayOf(occurredAt(step)).slice(0, 4) }).toEqual({
            step: step.key,
            year,
          });
        }
      }
    }
  });

  it('gives every step a key that serves as an Idempotency-Key, once', () => {
    const keys = [...steps, ...plan.procedureGroups.flatMap((g) => g.steps)].map(
      (s) => `seed-v${PLAN_VERSION}-2024-${s.key}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((key) => !/^[A-Za-z0-9._:-]{8,128}$/.test(key))).toEqual([]);
  });

  it('is the same plan for the same seed and another one for another seed', () => {
    // Compared as JSON, which the plan is: a deep equality of 27,000 steps takes long.
    expect(JSON.stringify(planHistory(2024))).toBe(JSON.stringify(plan));
    const other = planOfSeed7();
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(plan));
    expect(other.cases[0].steps[0].body).not.toEqual(plan.cases[0].steps[0].body);
    // Another seed is another history with the same published figures.
    expect(figures(countPlan(other), '2023-01-01', '2024-01-01')).toMatchObject({
      cases: 479,
      arrested: 557,
      migrants: 3280,
      remanded: 514,
    });
  });

  it('stays a load of reasonable size: groups of people, not a command per person', () => {
    const size = planSize(plan);
    expect(size.cases).toBe(242 + 479 + 121 + 2);
    expect(size.commands).toBeLessThan(30_000);
    expect(size.events).toBeGreaterThan(size.commands);
    // 2023 to 26 September, 2024 to 15 March, and the joint operation's.
    expect(size.procedures).toBe(40_130 + 7_140 + 127);
    expect(size.procedureGroups).toBeLessThan(size.procedures / 10);
    // A procedure stores its apprehension and each step recorded with it; a departure its own.
    const procedureEvents = counted.procedures.reduce(
      (n, p) =>
        n +
        1 +
        [
          p.borderDetentionAt,
          p.intentAt,
          p.referral,
          p.handoverAt,
          p.releaseAt,
          p.departure,
        ].filter((step) => step !== null).length,
      0,
    );
    const withoutProcedures = planSize({ ...plan, procedureGroups: [] });
    expect(size.events - withoutProcedures.events).toBe(procedureEvents);
    expect(size.commands - withoutProcedures.commands).toBe(
      size.procedureGroups + counted.procedures.filter((p) => p.departure !== null).length,
    );
  });
});

describe('the seeded police procedures with foreigners', () => {
  const { procedures } = counted;
  const byKey = new Map(procedures.map((p) => [p.key, p]));
  const groupIndex = new Map(plan.procedureGroups.map((g, i) => [g.key, i]));
  const unitOf = new Map(plan.procedureGroups.map((g) => [g.key, g]));
  const september = foreignerFigures(counted, '2023-01-01', '2023-09-27');
  const march = foreignerFigures(counted, '2024-01-01', '2024-03-16');

  it('has over 41,700 foreigners apprehended in 2023 to 27 September and more than 40,000 persons, whether that day is read in or not', () => {
    expect(september.apprehended).toBeGreaterThan(41_700);
    expect(september.apprehended).toBeLessThan(41_800);
    expect(september.persons).toBeGreaterThan(40_000);
    // People caught again are counted at each apprehension, once as persons.
    expect(september.persons).toBeLessThan(september.apprehended);
    // The migrants of the cases of those days count too: none is linked to a procedure.
    expect(september.caseMigrants).toBe(160 + 1450);
    expect(september.procedures + september.caseMigrants).toBe(september.apprehended);
    expect(foreignerFigures(counted, '2023-01-01', '2023-09-28')).toEqual(september);
  });

  // The README's table of the figures about people, for seed 2024: a plan that changes them
  // fails here, so that the README is changed with it.
  it("gives the README's figures about people for seed 2024", () => {
    expect(september).toMatchObject({
      apprehended: 41_740,
      persons: 40_321,
      caughtAgainAfterLeaving: 1_380,
      repeatIntentsAfterLeaving: 1_356,
    });
    expect(march).toMatchObject({
      apprehended: 8_024,
      persons: 7_911,
      thirdCountry: 7_991,
      caughtAgainAfterLeaving: 90,
    });
    expect([september.intentShare, march.intentShare].map((x) => x.toFixed(3))).toEqual([
      '0.985',
      '0.986',
    ]);
    expect(planSize(plan)).toMatchObject({
      commands: 25_128,
      events: 169_508,
      procedureGroups: 1_792,
      procedures: 47_397,
    });
  });

  it('has more than 98% of the foreigners apprehended expressing the intent, never all', () => {
    for (const figures of [september, march]) {
      expect(figures.intentShare).toBeGreaterThan(0.98);
      expect(figures.intentShare).toBeLessThan(0.99);
    }
  });

  it('has 1,000 to 1,600 people who left the asylum home caught again in 2023, in a new procedure, saying the intent again', () => {
    expect(september.caughtAgainAfterLeaving).toBeGreaterThanOrEqual(1_000);
    expect(september.caughtAgainAfterLeaving).toBeLessThanOrEqual(1_600);
    expect(september.repeatIntentsAfterLeaving).toBeGreaterThan(
      0.95 * september.caughtAgainAfterLeaving,
    );
    expect(september.repeatIntentsAfterLeaving).toBeLessThan(september.caughtAgainAfterLeaving);
    expect(march.caughtAgainAfterLeaving).toBeGreaterThan(50);
    expect(march.repeatIntentsAfterLeaving).toBeGreaterThan(0);

    // Each names, by id, the person of an earlier procedure who left the asylum home before,
    // and its group is loaded after the group of that procedure.
    const again = procedures.filter((p) => p.named !== null && p.jointOperation === null);
    expect(again).toHaveLength(september.caughtAgainAfterLeaving + march.caughtAgainAfterLeaving);
    for (const p of again) {
      const earlier = byKey.get(p.named!);
      expect(earlier?.departure).not.toBeNull();
      expect(instant(earlier!.departure!.at)).toBeLessThan(instant(p.apprehendedAt));
      expect(unitOf.get(p.group)!.after).toContain(earlier!.group);
      expect(groupIndex.get(earlier!.group)!).toBeLessThan(groupIndex.get(p.group)!);
      expect(p.nationality).toBe(earlier!.nationality);
    }
    // Some left and were caught more than once.
    expect(new Set(again.map((p) => p.person)).size).toBeLessThan(again.length);
    // Most who leave are never caught again in Slovenia.
    const departures = procedures.filter((p) => p.departure !== null).length;
    expect(departures).toBeGreaterThan(again.length * 1.3);
  });

  it('has more than 7,850 third-country citizens in 2024 by mid-March, counted by apprehension or once a person', () => {
    expect(march.thirdCountry).toBeGreaterThan(7_850);
    expect(march.thirdCountryPersons).toBeGreaterThan(7_850);
    expect(march.thirdCountry).toBeLessThan(8_050);
    expect(march.thirdCountry + march.eu + march.unknownNationality).toBe(march.apprehended);
    // The 757 migrants of the cases to 1 March; the joint operation's 127 as procedures.
    expect(march.caseMigrants).toBe(757);
  });

  it("gives each of the joint operation's 127 migrants a procedure linked to their case, counted once", () => {
    const joint = procedures.filter((p) => p.jointOperation === JOINT_OPERATION_CODE);
    expect(joint).toHaveLength(127);
    const migrants = new Map(
      counted.cases
        .filter((c) => c.jointOperation)
        .flatMap((c) =>
          [...c.people.entries()]
            .filter(([, p]) => p.firstApprehension !== undefined)
            .map(([key, p]) => [key, { caseKey: c.key, ...p }] as const),
        ),
    );
    expect(migrants.size).toBe(127);
    for (const p of joint) {
      const migrant = migrants.get(p.named!);
      expect(migrant).toBeDefined();
      expect(p.caseKey).toBe(migrant!.caseKey);
      expect(unitOf.get(p.group)!.after).toContain(migrant!.caseKey);
      expect(p.nationality).toBe(migrant!.nationality);
      expect(instant(p.apprehendedAt)).toBe(instant(migrant!.firstApprehension!));
      expect(!!p.intentAt).toBe(migrant!.intents > 0);
    }
    expect(new Set(joint.map((p) => p.named)).size).toBe(127);
    const totals = procedureTotals(counted, JOINT_OPERATION_CODE, '2024-03-13', '2024-03-16');
    expect(totals).toMatchObject({
      procedures: 127,
      persons: 127,
      expressedIntent: 125,
      handedOver: 2,
      released: 0,
      inBorderDetention: 0,
    });
    // As in the cases: two handed back to Croatia (held in border detention until then), the
    // others referred to the asylum homes.
    expect(
      totals.referrals['asylum-home-ljubljana'] + totals.referrals['asylum-home-logatec'],
    ).toBe(125);
    expect(totals.referrals['aliens-centre']).toBe(0);
    expect(joint.filter((p) => p.borderDetentionAt !== null)).toHaveLength(2);
    // Mostly Syrians, Afghans, Moroccans and Bangladeshis.
    const usual = joint.filter((p) => ['SY', 'AF', 'MA', 'BD'].includes(p.nationality ?? ''));
    expect(usual.length / joint.length).toBeGreaterThan(0.8);
    // Counted once: as procedures, not again as the cases' migrants.
    const days = foreignerFigures(counted, '2024-03-13', '2024-03-16');
    expect(days.caseMigrants).toBe(0);
    expect(days.apprehended).toBe(days.procedures);
    expect(days.apprehended).toBeGreaterThan(127);
  });

  it('looks like the border: groups of 1 to 120, Novo mesto and Koper first, then Ljubljana, some from Hungary', () => {
    const sizes = plan.procedureGroups.map((g) => (g.steps[0].body.persons as Body[]).length);
    expect(Math.min(...sizes)).toBe(1);
    expect(Math.max(...sizes)).toBe(120);
    const sorted = [...sizes].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeGreaterThanOrEqual(15);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThanOrEqual(45);

    const tally = (of: (p: CountedProcedure) => string) => {
      const counts = new Map<string, number>();
      for (const p of procedures) counts.set(of(p), (counts.get(of(p)) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1]);
    };
    expect(
      tally((p) => p.directorate)
        .map(([d]) => d)
        .slice(0, 3),
    ).toEqual(['novo-mesto', 'koper', 'ljubljana']);
    const fromHungary = procedures.filter((p) => p.cameFrom === 'HU');
    expect(fromHungary.length).toBeGreaterThan(0.02 * procedures.length);
    expect(new Set(fromHungary.map((p) => p.directorate))).toEqual(
      new Set(['maribor', 'murska-sobota']),
    );

    const nationalities = new Map(tally((p) => p.nationality ?? 'unknown'));
    expect(
      tally((p) => p.nationality ?? 'unknown')
        .map(([n]) => n)
        .slice(0, 5)
        .sort(),
    ).toEqual(['AF', 'BD', 'MA', 'PK', 'SY']);
    for (const named of ['TR', 'IN', 'CU', 'BI', 'TN', 'RU', 'CN']) {
      expect({ named, count: nationalities.get(named) ?? 0 }).toEqual({
        named,
        count: expect.any(Number) as unknown,
      });
      expect(nationalities.get(named)).toBeGreaterThan(50);
    }
    const unknown = nationalities.get('unknown') ?? 0;
    expect(unknown).toBeGreaterThan(0);
    expect(unknown).toBeLessThan(0.005 * procedures.length);
    const eu = procedures.filter((p) => nationalityClass(p.nationality) === 'eu');
    expect(eu.length).toBeGreaterThan(0);
    expect(eu.length).toBeLessThanOrEqual(20);
    expect(eu.filter((p) => p.intentAt !== null)).toEqual([]);
    // A few with what is known of who they are; documents never shared by two people.
    const withData = procedures.filter((p) => p.personalData).length;
    expect(withData).toBeGreaterThan(0.05 * procedures.length);
    expect(withData).toBeLessThan(0.3 * procedures.length);
  });

  it('ends a procedure without intent in a handover, the Aliens Centre or a release, and refers the others to both asylum homes', () => {
    const outcome = (p: CountedProcedure) =>
      [
        p.handoverAt !== null && 'handover',
        p.referral?.destination === 'aliens-centre' && 'aliens-centre',
        p.releaseAt !== null && 'release',
      ].filter((o): o is string => typeof o === 'string');
    const without = procedures.filter((p) => p.intentAt === null);
    expect(without.filter((p) => outcome(p).length !== 1).map((p) => p.key)).toEqual([]);
    const outcomes = without.map((p) => outcome(p)[0]);
    for (const o of ['handover', 'aliens-centre', 'release']) {
      expect(outcomes.filter((x) => x === o).length).toBeGreaterThan(10);
    }
    // Handed back to the police of the country they came from.
    expect(
      without.filter((p) => p.handoverAt !== null && p.handoverCountry !== p.cameFrom),
    ).toEqual([]);
    const withIntent = procedures.filter((p) => p.intentAt !== null);
    expect(
      withIntent
        .filter(
          (p) =>
            p.handoverAt !== null ||
            p.releaseAt !== null ||
            !/^asylum-home-(ljubljana|logatec)$/.test(p.referral?.destination ?? ''),
        )
        .map((p) => p.key),
    ).toEqual([]);
    const logatec = withIntent.filter((p) => p.referral!.destination === 'asylum-home-logatec');
    expect(logatec.length / withIntent.length).toBeGreaterThan(0.2);
    expect(logatec.length / withIntent.length).toBeLessThan(0.5);
    const detained = procedures.filter((p) => p.borderDetentionAt !== null);
    expect(detained.length).toBeGreaterThan(50);
    expect(detained.length).toBeLessThan(0.02 * procedures.length);
  });

  it('keeps every step of a procedure in an order the domain accepts, and nothing in the future', () => {
    const now = Date.now();
    const wrong: string[] = [];
    const check = (ok: boolean, p: CountedProcedure, what: string) => {
      if (!ok) wrong.push(`${p.key}: ${what}`);
    };
    for (const p of procedures) {
      const at = instant(p.apprehendedAt);
      const ends = [p.referral?.at, p.handoverAt, p.releaseAt].filter(
        (t): t is string => typeof t === 'string',
      );
      check(ends.length === 1, p, 'one referral, handover or release');
      const concluded = instant(ends[0]);
      const steps = [p.borderDetentionAt, p.intentAt, ...ends, p.departure?.at].filter(
        (t): t is string => typeof t === 'string',
      );
      for (const step of steps) {
        check(instant(step) >= at, p, `${step} before the apprehension`);
        check(instant(step) < now, p, `${step} in the future`);
      }
      if (p.borderDetentionAt) {
        // Within the 48 hours of border detention, which the outcome ends.
        const detained = instant(p.borderDetentionAt);
        check(detained < concluded, p, 'border detention after the outcome');
        check(concluded - detained < 48 * 3_600_000, p, 'border detention over 48 hours');
      }
      if (p.intentAt) check(instant(p.intentAt) < concluded, p, 'intent after the referral');
      if (p.departure) {
        check(p.departure.facility === p.referral?.destination, p, 'left another home');
        check(instant(p.departure.at) > instant(p.referral!.at), p, 'left before the referral');
      }
    }
    expect(wrong).toEqual([]);
    // Times as the officer's clock in Ljubljana shows them, as the API answers them.
    const times = procedures.flatMap((p) =>
      [p.apprehendedAt, p.intentAt, p.referral?.at, p.departure?.at].filter(
        (t): t is string => typeof t === 'string',
      ),
    );
    expect(times.filter((t, i) => i % 7 === 0 && localIsoTime(new Date(t)) !== t)).toEqual([]);
  });

  it('gives each person one nationality, in every procedure and case that names them', () => {
    const seen = new Map<string, Set<string | null>>();
    const add = (person: string, nationality: string | null) =>
      seen.set(person, (seen.get(person) ?? new Set()).add(nationality));
    for (const p of procedures) add(p.person, p.nationality);
    for (const c of counted.cases) {
      for (const p of c.people.values()) {
        if (p.firstApprehension !== undefined) add(p.person, p.nationality ?? null);
      }
    }
    expect([...seen.entries()].filter(([, n]) => n.size > 1)).toEqual([]);
  });

  it("keeps each POST /procedures within the API's limits (200 people, 64 kB)", () => {
    const wrong = plan.procedureGroups.filter((group) => {
      const [apprehend, ...departures] = group.steps;
      const persons = apprehend.body.persons as Body[];
      return (
        apprehend.route !== '/procedures' ||
        apprehend.answers?.length !== persons.length ||
        persons.length > 200 ||
        JSON.stringify(apprehend.body).length > 48 * 1024 ||
        departures.some((d) => d.route !== '/procedures/:procedureId/asylum-home-departure')
      );
    });
    expect(wrong.map((g) => g.key)).toEqual([]);
  });

  it('is another history for another seed, with the same figures', () => {
    const other = countPlan(planOfSeed7());
    const before = foreignerFigures(other, '2023-01-01', '2023-09-27');
    expect(before.apprehended).toBe(september.apprehended);
    expect(before.persons).toBeGreaterThan(40_000);
    expect(before.caughtAgainAfterLeaving).toBe(september.caughtAgainAfterLeaving);
    const after = foreignerFigures(other, '2024-01-01', '2024-03-16');
    expect(after.thirdCountry).toBeGreaterThan(7_850);
    expect(after.thirdCountryPersons).toBeGreaterThan(7_850);
    expect(other.procedures.map((p) => p.apprehendedAt)).not.toEqual(
      procedures.map((p) => p.apprehendedAt),
    );
  });
});
