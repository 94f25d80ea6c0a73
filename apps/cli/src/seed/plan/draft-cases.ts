import { Directorate } from '@app/domain';
import { OPENING_HOURS, dayWeights } from './calendar';
import { MINUTE, atLocal } from './local-time';
import { MIGRANT_NATIONALITIES, SMUGGLER_NATIONALITIES } from './nationalities';
import { Period } from './periods';
import { DIRECTORATE_WEIGHTS, SECTIONS, Section } from './places';
import { Rng, adjustTo, between, gaussian, sample, spread, weighted } from './random';

// Drafts: who and when, before the commands are written out.

export interface SmugglerDraft {
  at: number;
  nationality: string;
  slovenian: boolean;
  remanded: boolean;
}

export interface MigrantDraft {
  nationality: string;
  minor: boolean;
  intent: boolean;
  /** Someone who left reception after an earlier case and is caught again in this one. */
  again?: { personKey: string; caseKey: string };
}

export interface GroupDraft {
  at: number;
  migrants: MigrantDraft[];
}

export interface CaseDraft {
  openedAt: number;
  directorate: Directorate;
  section: Section;
  offenceParagraph: number;
  smugglers: SmugglerDraft[];
  groups: GroupDraft[];
  jointOperation: boolean;
  /** The case with which the partner police's figures of the joint operation are recorded. */
  partnerReports?: boolean;
}

/** A period's cases. The steps draw in this order: another order would change every plan. */
export function draftPeriod(rng: Rng, period: Period): CaseDraft[] {
  const openings = drawOpenings(rng, period);
  const arrests = drawArrestCounts(rng, period, openings);
  const migrants = drawMigrantCounts(rng, period, openings);
  const drafts = openings.map((openedAt, i) => draftCase(rng, openedAt, arrests[i], migrants[i]));
  markSlovenianAndRemanded(rng, drafts, period);
  markWithoutIntent(rng, drafts, period.withoutIntent);
  return drafts;
}

function drawOpenings(rng: Rng, period: Period): number[] {
  const dayTable = dayWeights(period.from, period.to);
  return Array.from({ length: period.cases }, () =>
    // Openings end by 21:59, so that what follows within two hours stays on the same day.
    atLocal(weighted(rng, dayTable), weighted(rng, OPENING_HOURS) * 60 + between(rng, 0, 59)),
  ).sort((a, b) => a - b);
}

function drawArrestCounts(rng: Rng, period: Period, openings: readonly number[]): number[] {
  return period.light
    ? openings.map(() => 1)
    : adjustTo(
        rng,
        openings.map(() =>
          weighted(rng, [
            [0, 10],
            [1, 62],
            [2, 21],
            [3, 6],
            [4, 1],
          ] as const),
        ),
        period.arrests,
        0,
        4,
      );
}

function drawMigrantCounts(rng: Rng, period: Period, openings: readonly number[]): number[] {
  return period.light
    ? spread(
        rng,
        period.migrants,
        openings.map(() => 1),
        2,
        5,
      )
    : spread(
        rng,
        period.migrants,
        openings.map(() => Math.exp(0.9 * gaussian(rng))),
        1,
        120,
      );
}

function draftCase(rng: Rng, openedAt: number, arrests: number, migrants: number): CaseDraft {
  const directorate = weighted(rng, DIRECTORATE_WEIGHTS);
  const section = weighted(
    rng,
    SECTIONS[directorate].map((s) => [s, s.weight] as const),
  );
  const arrestTimes = Array.from(
    { length: arrests },
    () => openedAt + between(rng, 10, 70) * MINUTE,
  ).sort((a, b) => a - b);
  return {
    openedAt,
    directorate,
    section,
    offenceParagraph: rng() < 0.1 ? 6 : 3,
    smugglers: arrestTimes.map((at) => ({
      at,
      nationality: weighted(rng, SMUGGLER_NATIONALITIES),
      slovenian: false,
      remanded: false,
    })),
    groups: draftGroups(rng, openedAt, migrants),
    jointOperation: false,
  };
}

function markSlovenianAndRemanded(rng: Rng, drafts: readonly CaseDraft[], period: Period): void {
  const smugglers = drafts.flatMap((d) => d.smugglers);
  for (const s of sample(rng, smugglers, period.slovenian, () => 1)) {
    s.slovenian = true;
    s.nationality = 'SI';
  }
  // Slovenian citizens have a home and are less often held for flight risk.
  for (const s of sample(rng, smugglers, period.remanded, (s) => (s.slovenian ? 0.3 : 1))) {
    s.remanded = true;
  }
}

/** Migrants found together, within two hours of the opening: larger finds come in groups. */
function draftGroups(rng: Rng, openedAt: number, size: number): GroupDraft[] {
  const parts = size <= 25 ? 1 : size <= 60 ? between(rng, 1, 2) : between(rng, 2, 3);
  const sizes = spread(
    rng,
    size,
    Array.from({ length: parts }, () => 1),
    1,
    size,
  );
  const times = sizes.map(() => openedAt + between(rng, 5, 110) * MINUTE).sort((a, b) => a - b);
  return sizes.map((n, g) => ({
    at: times[g],
    migrants: draftMigrants(rng, n, MIGRANT_NATIONALITIES),
  }));
}

/** A group mostly shares a nationality: they came the same way, often from the same town. */
export function draftMigrants(
  rng: Rng,
  size: number,
  nationalities: readonly (readonly [string, number])[],
): MigrantDraft[] {
  const main = weighted(rng, nationalities);
  return Array.from({ length: size }, () => ({
    nationality: rng() < 0.65 ? main : weighted(rng, nationalities),
    minor: rng() < 0.07,
    intent: true,
  }));
}

/** Those handed back to Croatia: only where a Croatian police administration is across the border. */
export function markWithoutIntent(rng: Rng, drafts: readonly CaseDraft[], count: number): void {
  const candidates = drafts
    .filter((d) => d.section.handoverTo !== undefined)
    .flatMap((d) => d.groups.flatMap((g) => g.migrants));
  for (const m of sample(rng, candidates, count, () => 1)) m.intent = false;
}
