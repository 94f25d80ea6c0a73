import { Writer } from './plan/case-writer';
import { draftPeriod } from './plan/draft-cases';
import { draftJointOperation } from './plan/joint-operation';
import { yearOf } from './plan/local-time';
import { PERIODS } from './plan/periods';
import { Body, PlannedHistory } from './plan/plan';
import { planProcedures } from './plan/procedures';
import { mulberry32 } from './plan/random';
import { writeCase } from './plan/write-case';

/**
 * A deterministic history of 2022 to March 2024, planned as the HTTP commands an investigator
 * or a border officer would send, so that loading it through the API makes the statistics come
 * out as the police press releases state them: the smuggling cases, and the police procedures
 * with the foreigners apprehended after crossing the border illegally (most of the people the
 * releases count were never found with a smuggler). Pure: no clock, no I/O; the same seed gives
 * the same plan, command for command. The parts of the plan are in ./plan; this is its entry.
 */

/**
 * Changes whenever the generator would plan other bodies for the same seed. It is part of the
 * idempotency keys, so a newer plan never replays an older plan's key with another body
 * (which the API refuses with IDEMPOTENCY.KEY_REUSED).
 */
export const PLAN_VERSION = 4;

/** The steps recorded with a procedure's opening, each stored as an event of its own. */
export const NESTED_PROCEDURE_STEPS = [
  'borderDetention',
  'intent',
  'referral',
  'handover',
  'release',
] as const;

/**
 * Units, commands and the events they store: a group apprehension stores one event per
 * person, a POST /procedures one per person and per step recorded with it.
 */
export function planSize(plan: PlannedHistory): {
  cases: number;
  procedureGroups: number;
  procedures: number;
  commands: number;
  events: number;
} {
  let commands = 0;
  let events = 0;
  let procedures = 0;
  for (const unit of [...plan.cases, ...plan.procedureGroups]) {
    for (const step of unit.steps) {
      commands += 1;
      if (step.route === '/procedures') {
        const persons = step.body.persons as readonly Body[];
        procedures += persons.length;
        for (const person of persons) {
          events += 1 + NESTED_PROCEDURE_STEPS.filter((s) => person[s] !== undefined).length;
        }
      } else {
        events += step.route.endsWith('/apprehension-groups') ? (step.answers?.length ?? 0) : 1;
      }
    }
  }
  return {
    cases: plan.cases.length,
    procedureGroups: plan.procedureGroups.length,
    procedures,
    commands,
    events,
  };
}

/**
 * The whole history for a seed: the cases of 2022, 2023, 2024 to 1 March and the joint operation
 * in March; the police procedures of 2023 to 26 September and of 2024 to 15 March.
 */
export function planHistory(seed: number): PlannedHistory {
  if (!Number.isSafeInteger(seed)) throw new Error(`the seed must be an integer, not ${seed}`);
  const rng = mulberry32(seed);
  const drafts = [
    ...PERIODS.flatMap((period) => draftPeriod(rng, period)),
    ...draftJointOperation(rng),
  ];
  drafts.sort((a, b) => a.openedAt - b.openedAt);

  const writer: Writer = {
    rng,
    counters: new Map(),
    documents: new Set(),
    departed: [],
    joint: [],
  };
  const numberInYear = new Map<number, number>();
  const cases = drafts.map((draft) => {
    const year = yearOf(draft.openedAt);
    const n = (numberInYear.get(year) ?? 0) + 1;
    numberInYear.set(year, n);
    return writeCase(writer, `${year}-${String(n).padStart(3, '0')}`, draft);
  });
  const procedureGroups = planProcedures(seed, writer.documents, writer.joint);
  return { seed, version: PLAN_VERSION, cases, procedureGroups };
}
