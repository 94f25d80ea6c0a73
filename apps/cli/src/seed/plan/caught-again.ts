import { DAY, HOUR, MINUTE, localDay } from './local-time';
import { KEPT_FREE_DAYS } from './periods';
import { CAUGHT_AGAIN_AT, SPOTS } from './places';
import { ForeignerDraft, ForeignerGroupDraft } from './procedure-drafts';
import { Rng, pick, sample, weighted } from './random';

// People who left the asylum home, caught again on the way on.

/**
 * When someone who left is caught again: from 4 hours to 3 weeks later, mostly soon, by the
 * period's last evening and never on a day kept free. Null: not in time.
 */
function caughtAt(rng: Rng, leftAt: number, lastAt: number): number | null {
  const span = Math.min(21 * DAY, lastAt - leftAt) - 4 * HOUR;
  if (span < 0) return null;
  for (let attempt = 0; attempt < 5; attempt++) {
    const at = leftAt + 4 * HOUR + Math.floor((rng() ** 2 * span) / MINUTE) * MINUTE;
    if (!KEPT_FREE_DAYS.includes(localDay(at))) return at;
  }
  return null;
}

/**
 * Exactly `count` of the people who left, caught again, in small groups of people caught
 * within two days of each other, each group at the time its last one was caught.
 */
export function catchAgain(
  rng: Rng,
  departed: readonly ForeignerDraft[],
  count: number,
  lastAt: number,
): ForeignerGroupDraft[] {
  const caught: { previous: ForeignerDraft; at: number }[] = [];
  for (const previous of sample(rng, departed, departed.length, () => 1)) {
    if (caught.length === count) break;
    const at = caughtAt(rng, previous.leftAt!, lastAt);
    if (at !== null) caught.push({ previous, at });
  }
  if (caught.length < count) {
    throw new Error(`only ${caught.length} of ${count} people who left can be caught again`);
  }
  caught.sort((a, b) => a.at - b.at);
  const groups: ForeignerGroupDraft[] = [];
  for (let i = 0; i < caught.length;) {
    const size = weighted(rng, [
      [1, 30],
      [2, 25],
      [3, 18],
      [4, 12],
      [5, 8],
      [6, 7],
    ] as const);
    let n = 1;
    while (n < size && i + n < caught.length && caught[i + n].at - caught[i].at <= 2 * DAY) n++;
    const members = caught.slice(i, i + n);
    i += n;
    const { directorate, section } = weighted(rng, CAUGHT_AGAIN_AT);
    groups.push({
      at: members[members.length - 1].at,
      directorate,
      section,
      place: `${section.name}, ${pick(rng, SPOTS)}`,
      persons: members.map(({ previous }) => ({
        nationality: previous.nationality,
        minor: previous.minor,
        previous,
      })),
    });
  }
  return groups;
}
