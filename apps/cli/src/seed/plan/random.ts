export type Rng = () => number;

/** mulberry32: small, fast and good enough to make a history look unplanned. */
export function mulberry32(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const between = (rng: Rng, low: number, high: number): number =>
  low + Math.floor(rng() * (high - low + 1));

export const pick = <T>(rng: Rng, items: readonly T[]): T =>
  items[Math.floor(rng() * items.length)];

export function weighted<T>(rng: Rng, table: readonly (readonly [T, number])[]): T {
  const total = table.reduce((sum, [, weight]) => sum + weight, 0);
  let r = rng() * total;
  for (const [item, weight] of table) {
    r -= weight;
    if (r < 0) return item;
  }
  return table[table.length - 1][0];
}

/** A standard normal draw (Box-Muller), for group sizes with a long tail. */
export function gaussian(rng: Rng): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

/** k of the items, drawn without replacement in proportion to their weights (Efraimidis-Spirakis). */
export function sample<T>(
  rng: Rng,
  items: readonly T[],
  k: number,
  weight: (item: T) => number,
): T[] {
  if (k > items.length) throw new Error(`cannot draw ${k} of ${items.length}`);
  return items
    .map((item, index) => ({ item, index, key: Math.pow(rng(), 1 / weight(item)) }))
    .sort((a, b) => b.key - a.key || a.index - b.index)
    .slice(0, k)
    .map(({ item }) => item);
}

/**
 * `total` spread over the slots in proportion to their weights, each slot kept within
 * [min, max]: a multinomial draw, so that sizes vary as real ones do and still add up exactly.
 */
export function spread(
  rng: Rng,
  total: number,
  weights: readonly number[],
  min: number,
  max: number,
) {
  const counts = weights.map(() => min);
  let left = total - min * weights.length;
  if (left < 0 || total > max * weights.length) {
    throw new Error(`cannot spread ${total} over ${weights.length} slots of ${min} to ${max}`);
  }
  while (left > 0) {
    let sum = 0;
    weights.forEach((w, i) => (sum += counts[i] < max ? w : 0));
    let r = rng() * sum;
    let chosen = -1;
    for (let i = 0; i < weights.length && chosen < 0; i++) {
      if (counts[i] >= max) continue;
      r -= weights[i];
      if (r < 0) chosen = i;
    }
    if (chosen < 0) chosen = counts.findLastIndex((c) => c < max);
    counts[chosen] += 1;
    left -= 1;
  }
  return counts;
}

/** Moves counts up or down at random, within [min, max], until they add up to `target`. */
export function adjustTo(
  rng: Rng,
  counts: number[],
  target: number,
  min: number,
  max: number,
): number[] {
  let sum = counts.reduce((a, b) => a + b, 0);
  while (sum !== target) {
    const i = Math.floor(rng() * counts.length);
    if (sum < target && counts[i] < max) {
      counts[i] += 1;
      sum += 1;
    } else if (sum > target && counts[i] > min) {
      counts[i] -= 1;
      sum -= 1;
    }
  }
  return counts;
}
