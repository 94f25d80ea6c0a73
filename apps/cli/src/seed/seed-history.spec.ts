import {
  Body,
  BodyValue,
  KEPT_FREE_DAYS,
  PersonRef,
  PlannedHistory,
  PlannedStep,
  planHistory,
  planSize,
} from './seed-history';

/*
 * The plan is counted here by the rules the statistics projection implements, from the planned
 * steps alone: a small counter of its own, so that a slip in the generator's bookkeeping cannot
 * hide behind itself.
 */

const localDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Ljubljana',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const days = new Map<string, string>();
/** The local date in Ljubljana of an instant, as YYYY-MM-DD (remembered: Intl is slow). */
const dayOf = (instant: string) => {
  let day = days.get(instant);
  if (day === undefined) days.set(instant, (day = localDate.format(new Date(instant))));
  return day;
};

const isRef = (value: BodyValue | undefined): value is PersonRef =>
  typeof value === 'object' && value !== null && '$person' in value;

const occurredAt = (step: PlannedStep) =>
  (step.route === '/cases' ? step.body.openedAt : step.body.occurredAt) as string;

interface PersonInCase {
  /** The person across cases: the key they were first registered under. */
  person: string;
  firstArrest?: string;
  slovenian?: boolean;
  firstApprehension?: string;
  nationality?: string | null;
  firstRemand?: string;
  intents: number;
}

interface CountedCase {
  key: string;
  openedAt: string;
  people: Map<string, PersonInCase>;
  jointOperation?: Body;
}

/** Every case with its people, by what the steps say and nothing else. */
function casesOf(plan: PlannedHistory): CountedCase[] {
  // A person named by reference in a later case is the person first registered under that key.
  const root = new Map<string, string>();
  const rootOf = (key: string) => root.get(key) ?? key;
  return plan.cases.map((planned) => {
    const counted: CountedCase = { key: planned.key, openedAt: '', people: new Map() };
    const inCase = (key: string) => {
      let p = counted.people.get(key);
      if (!p) counted.people.set(key, (p = { person: rootOf(key), intents: 0 }));
      return p;
    };
    for (const step of planned.steps) {
      const at = occurredAt(step);
      const action = step.route.split('/').pop();
      if (step.route === '/cases') counted.openedAt = at;
      else if (action === 'joint-operations') counted.jointOperation = step.body;
      else if (action === 'arrests') {
        const p = inCase(step.answers![0]);
        if (p.firstArrest === undefined) {
          p.firstArrest = at;
          p.slovenian = step.body.slovenianCitizen === true || step.body.nationality === 'SI';
        }
      } else if (action === 'apprehension-groups' || action === 'apprehensions') {
        const entries = action === 'apprehensions' ? [step.body] : (step.body.migrants as Body[]);
        entries.forEach((entry, i) => {
          const key = step.answers![i];
          const named = (entry.person as Body | undefined)?.personId;
          if (isRef(named)) root.set(key, rootOf(named.$person));
          const p = inCase(key);
          p.firstApprehension ??= at;
          p.nationality ??= entry.nationality as string | null;
        });
      } else if (action === 'remand') {
        inCase(step.personKey!).firstRemand ??= at;
      } else if (action === 'asylum-intents') {
        inCase(step.personKey!).intents += 1;
      }
    }
    return counted;
  });
}

/** The press-release figures of [from, to), local dates of Ljubljana. */
function figures(cases: readonly CountedCase[], from: string, to: string) {
  const within = (instant: string | undefined) =>
    instant !== undefined && dayOf(instant) >= from && dayOf(instant) < to;
  const people = cases.flatMap((c) => [...c.people.values()]);
  const arrested = people.filter((p) => within(p.firstArrest));
  const migrants = people.filter((p) => within(p.firstApprehension));
  const foreignMigrants = migrants.filter((p) => p.nationality !== 'SI');
  return {
    cases: cases.filter((c) => within(c.openedAt)).length,
    arrested: arrested.length,
    foreigners: arrested.filter((p) => !p.slovenian).length,
    slovenians: arrested.filter((p) => p.slovenian).length,
    migrants: migrants.length,
    remanded: people.filter((p) => within(p.firstRemand)).length,
    intentShare: foreignMigrants.filter((p) => p.intents > 0).length / foreignMigrants.length,
  };
}

describe('the seeded case history', () => {
  const plan = planHistory(2024);
  const cases = casesOf(plan);
  const steps = plan.cases.flatMap((c) => c.steps);

  it('has the 2022 and 2023 case counts of the releases', () => {
    expect(figures(cases, '2022-01-01', '2023-01-01').cases).toBe(242);
    expect(figures(cases, '2023-01-01', '2024-01-01').cases).toBe(479);
  });

  it('has the 2023 figures of the releases', () => {
    expect(figures(cases, '2023-01-01', '2024-01-01')).toMatchObject({
      cases: 479,
      arrested: 557,
      foreigners: 548,
      slovenians: 9,
      migrants: 3280,
      remanded: 514,
    });
  });

  it('has 27 cases in January and February 2023, whether 1 March is read in or not', () => {
    expect(figures(cases, '2023-01-01', '2023-03-01').cases).toBe(27);
    expect(figures(cases, '2023-01-01', '2023-03-02').cases).toBe(27);
  });

  it('has 275 smugglers arrested in 2023 to 27 September, whether that day is read in or not', () => {
    expect(figures(cases, '2023-01-01', '2023-09-27').arrested).toBe(275);
    expect(figures(cases, '2023-01-01', '2023-09-28').arrested).toBe(275);
  });

  it('has the figures of 2024 to 1 March, whether 1 March is read in or not', () => {
    const expected = {
      cases: 121,
      arrested: 137,
      foreigners: 135,
      slovenians: 2,
      migrants: 757,
    };
    expect(figures(cases, '2024-01-01', '2024-03-01')).toMatchObject(expected);
    expect(figures(cases, '2024-01-01', '2024-03-02')).toMatchObject(expected);
  });

  it('opens no case and arrests or apprehends nobody on the days kept free', () => {
    const acts = steps.filter((s) =>
      /^\/cases(\/:caseId\/(arrests|apprehensions|apprehension-groups))?$/.test(s.route),
    );
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
      const share = figures(cases, from, to).intentShare;
      expect(share).toBeGreaterThan(0.98);
      expect(share).toBeLessThan(0.99);
    }
  });

  it('has the joint operation with Croatia of 13-15 March 2024: 127 migrants and 4 smugglers', () => {
    const linked = cases.filter((c) => c.jointOperation);
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
    cases.forEach((c, index) => {
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
    const keys = steps.map((s) => `seed-v1-2024-${s.key}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9._:-]{8,128}$/);
  });

  it('is the same plan for the same seed and another one for another seed', () => {
    expect(planHistory(2024)).toEqual(plan);
    const other = planHistory(7);
    expect(other).not.toEqual(plan);
    expect(other.cases[0].steps[0].body).not.toEqual(plan.cases[0].steps[0].body);
    // Another seed is another history with the same published figures.
    expect(figures(casesOf(other), '2023-01-01', '2024-01-01')).toMatchObject({
      cases: 479,
      arrested: 557,
      migrants: 3280,
      remanded: 514,
    });
  });

  it('stays a load of reasonable size', () => {
    const size = planSize(plan);
    expect(size.cases).toBe(242 + 479 + 121 + 2);
    expect(size.commands).toBeLessThan(30_000);
    expect(size.events).toBeGreaterThan(size.commands);
  });
});
