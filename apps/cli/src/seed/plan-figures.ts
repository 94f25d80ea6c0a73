import { nationalityClass } from '@app/domain';
import { Body, BodyValue, CaseRef, PersonRef, PlannedHistory, PlannedStep } from './plan/plan';

/*
 * A planned history counted by the rules the read side implements (the statistics and GET
 * /procedures), from the planned steps alone: a small counter of its own, apart from the
 * generator, so that a slip in the generator's bookkeeping cannot hide behind itself. The unit
 * specs hold the plan to the releases' figures with it, and the end-to-end test expects of the
 * loaded system exactly what it counts.
 */

const localDate = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Ljubljana',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const days = new Map<string, string>();
/** The local date in Ljubljana of an instant, as YYYY-MM-DD (remembered: Intl is slow). */
export const dayOf = (instant: string): string => {
  let day = days.get(instant);
  if (day === undefined) days.set(instant, (day = localDate.format(new Date(instant))));
  return day;
};

export const isPersonRef = (value: BodyValue | undefined): value is PersonRef =>
  typeof value === 'object' && value !== null && '$person' in value;

export const isCaseRef = (value: BodyValue | undefined): value is CaseRef =>
  typeof value === 'object' && value !== null && '$case' in value;

export const occurredAt = (step: PlannedStep): string =>
  (step.route === '/cases' ? step.body.openedAt : step.body.occurredAt) as string;

export interface PersonInCase {
  /** The person across cases and procedures: the key they were first registered under. */
  person: string;
  firstArrest?: string;
  slovenian?: boolean;
  firstApprehension?: string;
  nationality?: string | null;
  firstRemand?: string;
  intents: number;
}

export interface CountedCase {
  key: string;
  openedAt: string;
  people: Map<string, PersonInCase>;
  jointOperation?: Body;
}

export interface CountedProcedure {
  /** The procedure's key in the plan. */
  key: string;
  /** The procedure group (unit) it was apprehended in. */
  group: string;
  /** The person across cases and procedures: the key they were first registered under. */
  person: string;
  /** The key of the earlier procedure or case migrant it names by id, if any. */
  named: string | null;
  apprehendedAt: string;
  directorate: string;
  cameFrom: string;
  nationality: string | null;
  minor: boolean;
  caseKey: string | null;
  jointOperation: string | null;
  personalData: boolean;
  borderDetentionAt: string | null;
  intentAt: string | null;
  referral: { at: string; destination: string } | null;
  handoverAt: string | null;
  handoverCountry: string | null;
  releaseAt: string | null;
  departure: { at: string; facility: string } | null;
}

export interface CountedPlan {
  cases: CountedCase[];
  procedures: CountedProcedure[];
}

/** Every case with its people and every procedure, by what the steps say and nothing else. */
export function countPlan(plan: PlannedHistory): CountedPlan {
  // A person named by reference later is the person first registered under that key.
  const root = new Map<string, string>();
  const rootOf = (key: string) => root.get(key) ?? key;
  const cases = plan.cases.map((planned) => {
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
          if (isPersonRef(named)) root.set(key, rootOf(named.$person));
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

  const procedures = new Map<string, CountedProcedure>();
  for (const group of plan.procedureGroups) {
    for (const step of group.steps) {
      if (step.route === '/procedures') {
        const body = step.body;
        (body.persons as Body[]).forEach((entry, i) => {
          const key = step.answers![i];
          const person = entry.person as Body | undefined;
          const named = isPersonRef(person?.personId) ? person.personId.$person : null;
          if (named !== null) root.set(key, rootOf(named));
          const stepAt = (name: string) =>
            ((entry[name] as Body | undefined)?.occurredAt as string | undefined) ?? null;
          const referral = entry.referral as Body | undefined;
          procedures.set(key, {
            key,
            group: group.key,
            person: rootOf(key),
            named,
            apprehendedAt: body.occurredAt as string,
            directorate: body.directorate as string,
            cameFrom: body.cameFrom as string,
            nationality: entry.nationality as string | null,
            minor: entry.minor as boolean,
            caseKey: isCaseRef(body.caseId) ? body.caseId.$case : null,
            jointOperation: (body.jointOperation as string | undefined) ?? null,
            personalData: person !== undefined && named === null,
            borderDetentionAt: stepAt('borderDetention'),
            intentAt: stepAt('intent'),
            referral: referral
              ? { at: referral.occurredAt as string, destination: referral.destination as string }
              : null,
            handoverAt: stepAt('handover'),
            handoverCountry: ((entry.handover as Body | undefined)?.country as string) ?? null,
            releaseAt: stepAt('release'),
            departure: null,
          });
        });
      } else if (step.route === '/procedures/:procedureId/asylum-home-departure') {
        const procedure = procedures.get(step.procedureKey!);
        if (!procedure) throw new Error(`${step.key}: no procedure ${step.procedureKey} before`);
        procedure.departure = {
          at: step.body.occurredAt as string,
          facility: step.body.facility as string,
        };
      } else {
        throw new Error(`${step.key}: the counter does not know ${step.route}`);
      }
    }
  }
  return { cases, procedures: [...procedures.values()] };
}

const instant = (iso: string) => Date.parse(iso);

/** Whether an instant falls in the local days [from, to). */
const withinDays = (from: string, to: string) => (at: string | null | undefined) =>
  at !== null && at !== undefined && dayOf(at) >= from && dayOf(at) < to;

/** The smuggling cases' figures of [from, to), local dates of Ljubljana. */
export function caseFigures(cases: readonly CountedCase[], from: string, to: string) {
  const within = withinDays(from, to);
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

/** Procedures whose person had left the asylum home after an earlier procedure, by then. */
function caughtAgainAfterLeaving(procedures: readonly CountedProcedure[]) {
  const byPerson = new Map<string, CountedProcedure[]>();
  for (const p of procedures) byPerson.set(p.person, [...(byPerson.get(p.person) ?? []), p]);
  return (p: CountedProcedure) =>
    (byPerson.get(p.person) ?? []).some(
      (earlier) =>
        instant(earlier.apprehendedAt) < instant(p.apprehendedAt) &&
        earlier.departure !== null &&
        instant(earlier.departure.at) <= instant(p.apprehendedAt),
    );
}

/**
 * The `foreigners` of GET /statistics for [from, to): the procedures opened by an apprehension
 * in the period, and the foreign migrants of cases first apprehended in it whom no procedure
 * counts already (none links their case and them).
 */
export function foreignerFigures(plan: CountedPlan, from: string, to: string) {
  const within = withinDays(from, to);
  const linked = new Set(
    plan.procedures.filter((p) => p.caseKey !== null).map((p) => `${p.caseKey}|${p.person}`),
  );
  const procedures = plan.procedures.filter((p) => within(p.apprehendedAt));
  const migrants = plan.cases.flatMap((c) =>
    [...c.people.values()].filter(
      (p) =>
        within(p.firstApprehension) &&
        p.nationality !== 'SI' &&
        !linked.has(`${c.key}|${p.person}`),
    ),
  );
  const counted = [
    ...procedures.map((p) => ({
      person: p.person,
      nationality: p.nationality,
      intent: !!p.intentAt,
    })),
    ...migrants.map((p) => ({
      person: p.person,
      nationality: p.nationality ?? null,
      intent: p.intents > 0,
    })),
  ];
  const apprehended = counted.length;
  const expressedIntent = counted.filter((c) => c.intent).length;
  const ofClass = (c: string) => counted.filter((x) => nationalityClass(x.nationality) === c);
  const thirdCountry = ofClass('third-country');
  const caughtAgain = caughtAgainAfterLeaving(plan.procedures);
  const again = procedures.filter(caughtAgain);
  const referred = (destination: string) =>
    procedures.filter((p) => p.referral?.destination === destination).length;
  const count = <T>(items: readonly T[], of: (item: T) => string) => {
    const counts = new Map<string, number>();
    for (const item of items) counts.set(of(item), (counts.get(of(item)) ?? 0) + 1);
    return counts;
  };
  return {
    apprehended,
    persons: new Set(counted.map((c) => c.person)).size,
    thirdCountry: thirdCountry.length,
    /** The same, people counted once: "dealt with more than 7,850 third-country citizens". */
    thirdCountryPersons: new Set(thirdCountry.map((c) => c.person)).size,
    eu: ofClass('eu').length,
    unknownNationality: ofClass('unknown').length,
    expressedIntent,
    intentShare: apprehended === 0 ? 0 : expressedIntent / apprehended,
    referrals: {
      'asylum-home-ljubljana': referred('asylum-home-ljubljana'),
      'asylum-home-logatec': referred('asylum-home-logatec'),
      'aliens-centre': referred('aliens-centre'),
    },
    handedOver: procedures.filter((p) => p.handoverAt !== null).length,
    released: procedures.filter((p) => p.releaseAt !== null).length,
    caughtAgainAfterLeaving: again.length,
    repeatIntentsAfterLeaving: again.filter((p) => p.intentAt !== null).length,
    byNationality: count(counted, (c) => c.nationality ?? 'unknown'),
    byNeighbour: count(procedures, (p) => p.cameFrom),
    /** Of the apprehended, those in procedures; the rest are migrants of cases. */
    procedures: procedures.length,
    caseMigrants: migrants.length,
  };
}

/** The `totals` of GET /procedures?jointOperation=...&from&to. */
export function procedureTotals(
  plan: CountedPlan,
  jointOperation: string,
  from: string,
  to: string,
) {
  const within = withinDays(from, to);
  const procedures = plan.procedures.filter(
    (p) => p.jointOperation === jointOperation && within(p.apprehendedAt),
  );
  const referred = (destination: string) =>
    procedures.filter((p) => p.referral?.destination === destination).length;
  return {
    procedures: procedures.length,
    persons: new Set(procedures.map((p) => p.person)).size,
    expressedIntent: procedures.filter((p) => p.intentAt !== null).length,
    referrals: {
      'asylum-home-ljubljana': referred('asylum-home-ljubljana'),
      'asylum-home-logatec': referred('asylum-home-logatec'),
      'aliens-centre': referred('aliens-centre'),
    },
    handedOver: procedures.filter((p) => p.handoverAt !== null).length,
    released: procedures.filter((p) => p.releaseAt !== null).length,
    /** Held now: a border detention no referral, handover or release has ended. */
    inBorderDetention: procedures.filter(
      (p) =>
        p.borderDetentionAt !== null &&
        p.referral === null &&
        p.handoverAt === null &&
        p.releaseAt === null,
    ).length,
  };
}
