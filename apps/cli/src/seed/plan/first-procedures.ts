import { OPENING_HOURS, dayWeights } from './calendar';
import { foreignerIdentity } from './identities';
import { MINUTE, atLocal, yearOf } from './local-time';
import { EU_CROSSERS, foreignerNationalities } from './nationalities';
import { ProcedurePeriod } from './periods';
import { PROCEDURE_DIRECTORATES, PROCEDURE_SECTIONS, SPOTS } from './places';
import { ForeignerDraft, ForeignerGroupDraft, ProcedureWriter } from './procedure-drafts';
import { withIntent, withoutIntent } from './procedure-outcomes';
import { between, gaussian, pick, sample, weighted } from './random';

// The people apprehended for the first time in a period.

/** The largest group one POST /procedures records: a lorry, or a column on a forest path. */
const PROCEDURE_GROUP_MAX = 120;

/** Groups of 1 to 120 (most of 15 to 60) over the period's days, as many people as `total`. */
export function draftForeignerGroups(
  w: ProcedureWriter,
  period: ProcedurePeriod,
  total: number,
): ForeignerGroupDraft[] {
  const { rng } = w;
  const dayTable = dayWeights(period.from, period.to);
  const groups: ForeignerGroupDraft[] = [];
  for (let left = total; left > 0;) {
    const drawn = Math.round(Math.exp(Math.log(30) + 0.8 * gaussian(rng)));
    const size = Math.min(left, Math.max(1, Math.min(PROCEDURE_GROUP_MAX, drawn)));
    left -= size;
    const day = weighted(rng, dayTable);
    const directorate = weighted(rng, PROCEDURE_DIRECTORATES);
    const section = weighted(
      rng,
      PROCEDURE_SECTIONS[directorate].map((s) => [s, s.weight] as const),
    );
    const nationalities = foreignerNationalities(day);
    const main = weighted(rng, nationalities);
    groups.push({
      at: atLocal(day, weighted(rng, OPENING_HOURS) * 60 + between(rng, 0, 59)),
      directorate,
      section,
      place: `${section.name}, ${pick(rng, SPOTS)}`,
      persons: Array.from({ length: size }, () => ({
        nationality: rng() < 0.7 ? main : weighted(rng, nationalities),
        minor: rng() < 0.08,
      })),
    });
  }
  return groups.sort((a, b) => a.at - b.at);
}

/** Who of the people first caught is an EU citizen, has no intent, no known nationality... */
export function draftFirstProcedures(
  w: ProcedureWriter,
  period: ProcedurePeriod,
  groups: readonly ForeignerGroupDraft[],
): void {
  const { rng } = w;
  type Slot = { group: ForeignerGroupDraft; index: number };
  const slots: Slot[] = groups.flatMap((group) =>
    group.persons.map((_, index) => ({ group, index })),
  );
  const person = (s: Slot) => s.group.persons[s.index];
  const set = (s: Slot, p: ForeignerDraft) => (s.group.persons[s.index] = p);
  const adults = slots.filter((s) => !person(s).minor);
  const eu = new Set(sample(rng, adults, period.eu, () => 1));
  const without = new Set(
    sample(
      rng,
      adults.filter((s) => !eu.has(s)),
      period.withoutIntent - period.eu,
      (s) => (s.group.section.handoverTo !== undefined ? 3 : 1),
    ),
  );
  const rest = slots.filter((s) => !eu.has(s) && !without.has(s));
  const unknown = new Set(sample(rng, rest, period.unknownNationality, () => 1));
  const detained = new Set(sample(rng, rest, period.detainedWithIntent, () => 1));
  for (const s of slots) {
    const { at, section } = s.group;
    const year = yearOf(at);
    if (eu.has(s)) {
      const nationality = weighted(rng, EU_CROSSERS);
      set(s, {
        nationality,
        minor: false,
        identity: foreignerIdentity(w, nationality, false, year, 'id-card'),
        release: {
          at: at + between(rng, 60, 6 * 60) * MINUTE,
          reason: 'EU citizen: misdemeanour procedure for the illegal crossing, released',
        },
      });
      continue;
    }
    const drafted = person(s);
    const p: ForeignerDraft = unknown.has(s)
      ? { nationality: null, minor: drafted.minor }
      : { ...drafted };
    if (p.nationality !== null && rng() < 0.15) {
      p.identity = foreignerIdentity(
        w,
        p.nationality,
        p.minor,
        year,
        rng() < 0.25 ? 'passport' : null,
      );
    }
    if (without.has(s)) withoutIntent(rng, at, section, p);
    else withIntent(rng, at, p, detained.has(s));
    set(s, p);
  }
}
