/*
 * The benchmarks (`npm run bench`, or `npm run bench -- --quick` for a smoke size): each of the
 * project's figures beside a baseline's from the same run, on the bench's own Postgres and Kafka
 * (ports 56499 and 39692/39693, started afresh and stopped at the end). Writes
 * bench/results.json and bench/results.md; `--only B1,B4` runs some benchmarks alone (the
 * results files are then left as they are, and the details printed after the table).
 */
import 'reflect-metadata';
import { repoRoot } from '@app/local-infra';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import { consoleFirstLoad } from './console.bench';
import { idleSystem } from './idle.bench';
import { longCase } from './long-case.bench';
import { appendLatency, appendThroughput, sameStreamConflicts } from './append.bench';
import { Context, Section } from './context';
import { LOG_DIR } from './processes';
import { projectionCatchUp } from './projection.bench';
import { rebuild } from './rebuild.bench';
import { seedLoad } from './seed.bench';
import { relayBench } from './relay.bench';
import { freshness } from './system.bench';
import { BenchInfra } from './infra';
import { absolute, Results, Row, textTable, writeResults } from './report';
import { markdown } from './results-markdown';
import { countStatements } from './round-trips';

const BENCHMARKS: { id: string; name: string; run: (ctx: Context) => Promise<Section> }[] = [
  { id: 'B1', name: 'single-writer append latency', run: appendLatency },
  { id: 'B2', name: 'append throughput', run: appendThroughput },
  { id: 'B3', name: 'one stream, 16 writers', run: sameStreamConflicts },
  {
    id: 'B6',
    name: 'end-to-end freshness and CPU per command at 200, 100 and 20 commands/s',
    run: freshness,
  },
  { id: 'B4', name: 'relay Postgres to Kafka', run: relayBench },
  { id: 'B5', name: 'projection catch-up', run: projectionCatchUp },
  { id: 'B7', name: 'rebuild from the topic', run: rebuild },
  { id: 'B8', name: 'peak memory (measured during B6 and B7)', run: peakMemory },
  { id: 'B9', name: 'command cost as a case grows', run: longCase },
  { id: 'B10', name: 'an idle system', run: idleSystem },
  { id: 'B11', name: "the console's first load of the board", run: consoleFirstLoad },
  { id: 'B12', name: 'the seed history loaded through the API', run: seedLoad },
];

/** B8 reads what B6 and B7 sampled of their child processes. */
async function peakMemory(ctx: Context): Promise<Section> {
  const limits: Record<string, number> = { api: 200, projector: 256, rebuild: 256 };
  const rows = Object.entries(ctx.shared.peakMb).map(([name, mb]) => {
    const limit = limits[name.split(' ')[0]];
    return absolute('B8', `peak RSS, ${name}`, 'MB', mb, limit ? { max: limit } : undefined);
  });
  return { rows, details: { peakMb: ctx.shared.peakMb } };
}

const started = Date.now();
const log = (line: string) =>
  process.stdout.write(
    `[bench ${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s] ${line}\n`,
  );

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyAt = args.indexOf('--only');
  const only = onlyAt >= 0 ? args[onlyAt + 1]?.split(',') : undefined;
  countStatements();
  rmSync(LOG_DIR, { recursive: true, force: true });
  const infra = new BenchInfra();
  const ctx: Context = { infra, quick, log, shared: { peakMb: {} } };
  const rows: Row[] = [];
  const details: Record<string, Record<string, unknown>> = {};
  log(`${quick ? 'quick' : 'full'} run`);
  // Interrupted, it still stops the servers it started: they would hold the ports of the next run.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void infra.stop().finally(() => process.exit(130)));
  }
  try {
    await infra.start(log);
    for (const benchmark of BENCHMARKS) {
      if (only && !only.includes(benchmark.id)) continue;
      log(`${benchmark.id} ${benchmark.name}`);
      const section = await benchmark.run(ctx);
      rows.push(...section.rows);
      details[benchmark.id] = section.details;
    }
  } finally {
    await infra.stop();
  }
  const wallSeconds = Math.round((Date.now() - started) / 1000);
  process.stdout.write(`\n${textTable(rows)}\nwall time ${wallSeconds} s\n`);
  if (only) {
    // A partial run leaves the results of the last full run alone; its details go to the log.
    process.stdout.write(`${JSON.stringify(details, null, 2)}\n`);
    return 0;
  }
  const results: Results = {
    mode: quick ? 'quick' : 'full',
    startedAt: new Date(started).toISOString(),
    wallSeconds,
    machine: {
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model ?? 'unknown',
      memoryGiB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
    },
    rows,
    details,
  };
  const dir = join(repoRoot(), 'bench');
  writeResults(dir, results, markdown(results));
  log(`wrote ${join(dir, 'results.json')} and results.md`);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
