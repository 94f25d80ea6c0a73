import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { absolute, compared, Results, Row } from './report';
import { markdown } from './results-markdown';

const results = (rows: readonly Row[]): Results => ({
  mode: 'full',
  startedAt: '2026-12-02T00:00:00.000Z',
  wallSeconds: 1,
  machine: { cpus: 2, cpuModel: 'test', memoryGiB: 1, node: 'v20' },
  rows,
  details: {},
});

describe('benchmark rows', () => {
  it('sets the project beside its baseline, with their ratio checked against the goal', () => {
    const latency = compared('B1', 'p50', 'ms', 1.2, { name: 'raw pg', value: 1 }, { max: 1.3 });
    const raw = { name: 'raw pg', value: 1000 };
    const throughput = compared('B2', 'rate', 'events/s', 600, raw, { min: 0.7 });

    expect(latency).toMatchObject({
      ratio: 1.2,
      baseline: { name: 'raw pg', value: 1 },
      goal: { text: '≤ 1.3x', met: true },
    });
    expect(throughput).toMatchObject({
      ratio: 0.6,
      goal: { text: '≥ 0.7x', met: false },
    });
  });

  it('checks an absolute figure against its own unit', () => {
    expect(absolute('B7', 'rebuild', 's', 61, { max: 60 })).toMatchObject({
      goal: { text: '≤ 60 s', met: false },
    });
  });
});

describe('results.md', () => {
  it('says what limits each row that misses its goal, and only those', () => {
    const md = markdown(
      results([
        compared('B1', 'p50', 'ms', 2, { name: 'raw pg', value: 1 }, { max: 1.3 }),
        compared('B2', 'rate', 'events/s', 900, { name: 'raw', value: 1000 }, { min: 0.7 }),
      ]),
    );

    const limits = md.slice(md.indexOf('## What limits'), md.indexOf('## kafkajs'));
    expect(limits).toMatch(/- \*\*B1\*\*: Profiled/);
    expect(limits).not.toMatch(/\*\*B2\*\*/);
  });

  it('weighs the two Kafka clients on the run’s own B4 figures', () => {
    const md = markdown(
      results([
        absolute('B4', 'relay throughput (kafkajs)', 'events/s', 1000),
        absolute('B4', 'relay throughput (platformatic)', 'events/s', 1100),
        absolute('B4', 'relay lag p99 (kafkajs)', 'ms', 30),
        absolute('B4', 'relay lag p99 (platformatic)', 'ms', 40),
      ]),
    );

    expect(md).toMatch(
      /drained the backlog at 1\.10x the kafkajs relay, with a lag p99 of 40\.0 ms against 30\.0 ms/,
    );
  });
});

describe('the committed results', () => {
  const dir = __dirname;
  const committed = JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')) as Results;

  it('come from a full run with every benchmark of the issue', () => {
    expect(committed.mode).toBe('full');
    const ids = new Set(committed.rows.map((r) => r.id));
    expect([...ids].sort()).toEqual(
      ['B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10', 'B11', 'B12'].sort(),
    );
  });

  it('set each compared figure beside its baseline from the same run, with their ratio', () => {
    const compareds = committed.rows.filter((r) => ['B1', 'B2', 'B4', 'B5'].includes(r.id));
    const baselines = new Set(compareds.flatMap((r) => (r.baseline ? [r.baseline.name] : [])));

    expect([...baselines].sort()).toEqual([
      'Emmett',
      'plain kafkajs producer',
      'raw consume + upsert',
      'raw pg',
    ]);
    for (const row of committed.rows.filter((r) => r.baseline)) {
      // Each figure is rounded to three significant digits, the ratio from the unrounded ones.
      expect(Math.abs(row.ratio! / (row.project / row.baseline!.value) - 1)).toBeLessThan(0.01);
    }
  });

  it('are what results.md shows (regenerated from results.json)', () => {
    expect(readFileSync(join(dir, 'results.md'), 'utf8')).toBe(markdown(committed));
  });
});
