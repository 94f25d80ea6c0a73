import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { round } from './stats';

/** One figure of the project's, beside its baseline's from the same run. */
export interface Row {
  readonly id: string;
  readonly metric: string;
  readonly unit: string;
  readonly project: number;
  readonly baseline?: { readonly name: string; readonly value: number };
  /** project / baseline. */
  readonly ratio?: number;
  readonly goal?: { readonly text: string; readonly met: boolean };
}

/**
 * `goal` bounds the ratio for a comparison: `max` for figures where lower is better (latency),
 * `min` where higher is better (throughput).
 */
export function compared(
  id: string,
  metric: string,
  unit: string,
  project: number,
  baseline: { name: string; value: number },
  goal?: { max?: number; min?: number },
): Row {
  const ratio = project / baseline.value;
  return {
    id,
    metric,
    unit,
    project: round(project),
    baseline: { name: baseline.name, value: round(baseline.value) },
    ratio: round(ratio),
    goal: goal && {
      text: goal.max !== undefined ? `≤ ${goal.max}x` : `≥ ${goal.min}x`,
      met: goal.max !== undefined ? ratio <= goal.max : ratio >= goal.min!,
    },
  };
}

/** A figure with no baseline, with an absolute goal when it has one. */
export function absolute(
  id: string,
  metric: string,
  unit: string,
  project: number,
  goal?: { max?: number; min?: number },
): Row {
  return {
    id,
    metric,
    unit,
    project: round(project),
    goal: goal && {
      text: goal.max !== undefined ? `≤ ${goal.max} ${unit}` : `≥ ${goal.min} ${unit}`,
      met: goal.max !== undefined ? project <= goal.max : project >= goal.min!,
    },
  };
}

const HEADER = ['id', 'metric', 'project', 'baseline', 'baseline figure', 'ratio', 'goal', 'met'];

function cells(row: Row): string[] {
  return [
    row.id,
    row.metric,
    `${row.project} ${row.unit}`,
    row.baseline?.name ?? '',
    row.baseline ? `${row.baseline.value} ${row.unit}` : '',
    row.ratio !== undefined ? `${row.ratio}x` : '',
    row.goal?.text ?? '',
    row.goal ? (row.goal.met ? 'yes' : 'NO') : '',
  ];
}

export function textTable(rows: readonly Row[]): string {
  const all = [HEADER, ...rows.map(cells)];
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(HEADER), widths.map((w) => '-'.repeat(w)).join('  '), ...all.slice(1).map(line)]
    .join('\n')
    .concat('\n');
}

export function markdownTable(rows: readonly Row[]): string {
  const line = (r: string[]) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  return [line(HEADER), line(HEADER.map(() => '---')), ...rows.map((r) => line(cells(r)))].join(
    '\n',
  );
}

export interface Results {
  readonly mode: 'quick' | 'full';
  readonly startedAt: string;
  readonly wallSeconds: number;
  readonly machine: Record<string, string | number>;
  readonly rows: readonly Row[];
  /** Measured details each benchmark reports beside its rows: counts, sizes, settings. */
  readonly details: Record<string, Record<string, unknown>>;
}

export function writeResults(dir: string, results: Results, markdown: string): void {
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'results.md'), markdown);
}
