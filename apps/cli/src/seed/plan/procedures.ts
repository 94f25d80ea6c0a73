import { catchAgain } from './caught-again';
import { draftFirstProcedures, draftForeignerGroups } from './first-procedures';
import { JointGroup, draftJointProcedures } from './joint-operation';
import { MINUTE, atLocal, yearOf } from './local-time';
import { PROCEDURE_PERIODS, ProcedurePeriod } from './periods';
import { ForeignerGroupDraft, ProcedureWriter } from './procedure-drafts';
import { leave, toAsylumHome, withIntent } from './procedure-outcomes';
import { between, mulberry32, sample } from './random';
import { writeProcedureGroup } from './write-procedure-group';

/** Of the people caught again, the share caught a second time (they left again). */
const CAUGHT_THIRD_TIME_SHARE = 0.06;

/**
 * A period's procedures: the people first caught, a number of whom leave the asylum home;
 * some of those caught again (a new procedure, the intent said again), and a few of them leave
 * and are caught once more.
 */
function draftProcedurePeriod(w: ProcedureWriter, period: ProcedurePeriod): ForeignerGroupDraft[] {
  const { rng } = w;
  const lastAt = atLocal(period.to, 21 * 60 + 59);
  const third = Math.round(period.caughtAgain * CAUGHT_THIRD_TIME_SHARE);
  const second = period.caughtAgain - third;

  const first = draftForeignerGroups(w, period, period.procedures - period.caughtAgain);
  draftFirstProcedures(w, period, first);
  const leaving = first
    .flatMap((g) => g.persons)
    .filter((p) => toAsylumHome(p) && p.nationality !== null);
  const departed = sample(rng, leaving, period.departures, () => 1);
  for (const p of departed) leave(rng, p);

  const again = catchAgain(rng, departed, second, lastAt);
  const caughtAgain = again.flatMap((g) => g.persons.map((p) => ({ group: g, p })));
  const without = new Set(sample(rng, caughtAgain, period.againWithoutIntent, () => 1));
  for (const c of caughtAgain) {
    if (without.has(c)) {
      // The application counts as withdrawn: held for return.
      c.p.detainedAt = c.group.at + between(rng, 15, 45) * MINUTE;
      c.p.referral = {
        at: c.group.at + between(rng, 4 * 60, 40 * 60) * MINUTE,
        destination: 'aliens-centre',
      };
    } else {
      withIntent(rng, c.group.at, c.p, false);
    }
  }
  const leavingAgain = caughtAgain.map((c) => c.p).filter(toAsylumHome);
  const departedAgain = sample(rng, leavingAgain, Math.ceil(third * 1.6), () => 1);
  for (const p of departedAgain) leave(rng, p);
  const once = catchAgain(rng, departedAgain, third, lastAt);
  for (const g of once) for (const p of g.persons) withIntent(rng, g.at, p, false);

  return [...first, ...again, ...once];
}

/** Every procedure group, numbered by year in order of apprehension. */
export function planProcedures(seed: number, documents: Set<string>, joint: readonly JointGroup[]) {
  // Randomness of its own: the cases' plan is the same with or without the procedures.
  const w: ProcedureWriter = { rng: mulberry32(seed + 0x2545f491), documents };
  const groups = [
    ...PROCEDURE_PERIODS.flatMap((period) => draftProcedurePeriod(w, period)),
    ...draftJointProcedures(joint),
  ].sort((a, b) => a.at - b.at);
  const numberInYear = new Map<number, number>();
  return groups.map((g) => {
    const year = yearOf(g.at);
    const n = (numberInYear.get(year) ?? 0) + 1;
    numberInYear.set(year, n);
    return writeProcedureGroup(`pg${year}-${String(n).padStart(4, '0')}`, g);
  });
}
