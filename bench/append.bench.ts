import { Pool } from 'pg';
import { Appender, emmettAppender, projectAppender, rawAppender } from './appenders';
import { Context, Section, size } from './context';
import { compared, absolute } from './report';
import { statementsDuring } from './round-trips';
import { nowMs, percentile, sleep } from './stats';

/** The project, raw pg and Emmett, each on a fresh database of its own on the same server. */
async function contenders(ctx: Context, prefix: string, poolSize: number): Promise<Appender[]> {
  const { infra } = ctx;
  const projectUrl = await infra.migratedDatabase(`${prefix}_project`);
  const project = projectAppender(
    await infra.dataSource(infra.environment(projectUrl).config, poolSize, 'bench-project'),
  );
  const raw = rawAppender(pool(await infra.migratedDatabase(`${prefix}_raw`), poolSize));
  const emmett = await emmettAppender(
    pool(await infra.emptyDatabase(`${prefix}_emmett`), poolSize),
  );
  return [project, raw, emmett];
}

/** A pool whose idle connections may be cut (Postgres stopped after a failure) without a crash. */
export function pool(connectionString: string, max: number): Pool {
  const created = new Pool({ connectionString, max });
  created.on('error', () => undefined);
  return created;
}

interface Stream {
  readonly id: string;
  version: number;
}

async function appendNext(appender: Appender, stream: Stream): Promise<number> {
  const started = nowMs();
  const outcome = await appender.append(stream.id, stream.version);
  const ms = nowMs() - started;
  if (!outcome.ok) throw new Error(`${appender.name}: unexpected conflict on a private stream`);
  stream.version++;
  return ms;
}

/**
 * B1: one writer, one event per append at its expected version. The contenders take turns in
 * rounds, each round in another order, so that a noisy neighbour or a checkpoint hits all alike.
 */
export async function appendLatency(ctx: Context): Promise<Section> {
  const appenders = await contenders(ctx, 'b1', 10);
  const warmup = size(ctx, 100, 300);
  const measured = size(ctx, 400, 2000);
  const round = 50;
  const streams = appenders.map((a) =>
    Array.from({ length: 50 }, () => ({ id: a.newStream(), version: 0 })),
  );
  const samples: number[][] = appenders.map(() => []);
  let turn = 0;
  const run = async (i: number, count: number, keep: boolean) => {
    for (let k = 0; k < count; k++) {
      const ms = await appendNext(appenders[i], streams[i][turn++ % streams[i].length]);
      if (keep) samples[i].push(ms);
    }
  };
  for (let i = 0; i < appenders.length; i++) await run(i, warmup, false);
  for (let r = 0; r < measured / round; r++) {
    for (let j = 0; j < appenders.length; j++) await run((r + j) % appenders.length, round, true);
  }
  const roundTrips: Record<string, number> = {};
  for (let i = 0; i < appenders.length; i++) {
    const n = 20;
    roundTrips[appenders[i].name] = (await statementsDuring(() => run(i, n, false))) / n;
  }
  for (const a of appenders) await a.close();

  const [project, raw, emmett] = samples;
  const rows = [];
  for (const [p, label] of [
    [0.5, 'p50'],
    [0.99, 'p99'],
  ] as const) {
    const ours = percentile(project, p);
    rows.push(
      compared(
        'B1',
        `append latency ${label}`,
        'ms',
        ours,
        {
          name: 'raw pg',
          value: percentile(raw, p),
        },
        { max: 1.3 },
      ),
      compared(
        'B1',
        `append latency ${label}`,
        'ms',
        ours,
        {
          name: 'Emmett',
          value: percentile(emmett, p),
        },
        { max: 0.8 },
      ),
    );
  }
  return {
    rows,
    details: {
      appendsPerContender: measured,
      warmupPerContender: warmup,
      roundTripsPerAppend: roundTrips,
      meanMs: Object.fromEntries(
        appenders.map((a, i) => [a.name, samples[i].reduce((s, v) => s + v, 0) / measured]),
      ),
    },
  };
}

/** Appends by `writers` writers, each on a stream of its own, during `ms` after a warm-up. */
async function throughput(
  appender: Appender,
  writers: number,
  warmupMs: number,
  ms: number,
): Promise<number> {
  let counting = false;
  let stopping = false;
  let appended = 0;
  const work = Array.from({ length: writers }, async () => {
    const stream = { id: appender.newStream(), version: 0 };
    while (!stopping) {
      await appendNext(appender, stream);
      if (counting) appended++;
    }
  });
  await sleep(warmupMs);
  counting = true;
  const started = nowMs();
  await sleep(ms);
  counting = false;
  const elapsed = nowMs() - started;
  stopping = true;
  await Promise.all(work);
  return (appended * 1000) / elapsed;
}

/** B2: appends per second with 8 and 32 concurrent writers on distinct streams. */
export async function appendThroughput(ctx: Context): Promise<Section> {
  const warmupMs = size(ctx, 1000, 2000);
  const ms = size(ctx, 3000, 8000);
  const rows = [];
  const details: Record<string, unknown> = { warmupMs, measuredMs: ms };
  for (const writers of [8, 32]) {
    const appenders = await contenders(ctx, `b2_${writers}`, writers);
    const rates: Record<string, number> = {};
    for (let i = 0; i < appenders.length; i++) {
      const appender = appenders[(i + (writers === 32 ? 1 : 0)) % appenders.length];
      rates[appender.name] = await throughput(appender, writers, warmupMs, ms);
      ctx.log(
        `  ${writers} writers, ${appender.name}: ${rates[appender.name].toFixed(0)} events/s`,
      );
    }
    for (const a of appenders) await a.close();
    details[`eventsPerSecond${writers}`] = rates;
    rows.push(
      compared(
        'B2',
        `append throughput, ${writers} writers`,
        'events/s',
        rates.project,
        {
          name: 'raw pg',
          value: rates['raw pg'],
        },
        { min: 0.7 },
      ),
      compared(
        'B2',
        `append throughput, ${writers} writers`,
        'events/s',
        rates.project,
        {
          name: 'Emmett',
          value: rates.Emmett,
        },
        { min: 1.5 },
      ),
    );
  }
  return { rows, details };
}

/**
 * B3: 16 writers race on one stream; a loser learns the current version and tries again from
 * it. Each answer that said "conflict" is timed from the call to the version in hand.
 */
export async function sameStreamConflicts(ctx: Context): Promise<Section> {
  const writers = 16;
  const target = size(ctx, 300, 1000);
  const appenders = await contenders(ctx, 'b3', writers);
  const conflictMs: Record<string, number[]> = {};
  const streams: Record<string, string> = {};
  for (const appender of appenders) {
    const stream = appender.newStream();
    streams[appender.name] = stream;
    const samples: number[] = [];
    let landed = 0;
    await Promise.all(
      Array.from({ length: writers }, async () => {
        let known = 0;
        while (landed < target) {
          const started = nowMs();
          const outcome = await appender.append(stream, known);
          if (outcome.ok) {
            landed++;
            known++;
          } else {
            samples.push(nowMs() - started);
            known = outcome.current;
          }
        }
      }),
    );
    conflictMs[appender.name] = samples;
  }
  const duplicates = await countDuplicates(ctx, streams);
  for (const a of appenders) await a.close();

  const project = conflictMs.project;
  const rows = [
    absolute('B3', 'duplicate versions, 16 writers on 1 stream', '', duplicates.project, {
      max: 0,
    }),
  ];
  for (const [p, label] of [
    [0.5, 'p50'],
    [0.99, 'p99'],
  ] as const) {
    for (const name of ['raw pg', 'Emmett']) {
      rows.push(
        compared('B3', `conflict answer ${label}`, 'ms', percentile(project, p), {
          name,
          value: percentile(conflictMs[name], p),
        }),
      );
    }
  }
  return {
    rows,
    details: {
      writers,
      appendsPerContender: target,
      conflicts: Object.fromEntries(Object.entries(conflictMs).map(([k, v]) => [k, v.length])),
      duplicateVersions: duplicates,
    },
  };
}

/** Versions stored twice, and versions missing below the stream's last, per contender. */
async function countDuplicates(
  ctx: Context,
  streams: Record<string, string>,
): Promise<Record<string, number>> {
  const check = async (database: string, sql: string, stream: string) => {
    const url = new URL(ctx.infra.adminUrl);
    url.pathname = `/${database}`;
    const checker = pool(url.toString(), 1);
    try {
      const { rows } = await checker.query<{ duplicates: number; gaps: number }>(sql, [stream]);
      return rows[0].duplicates + rows[0].gaps;
    } finally {
      await checker.end();
    }
  };
  const ours = `SELECT (count(*) - count(DISTINCT version))::int AS duplicates,
                       (coalesce(max(version), 0) - count(DISTINCT version))::int AS gaps
                  FROM event_store.events WHERE stream_id = $1`;
  return {
    project: await check('b3_project', ours, streams.project),
    'raw pg': await check('b3_raw', ours, streams['raw pg']),
    Emmett: await check(
      'b3_emmett',
      `SELECT (count(*) - count(DISTINCT stream_position))::int AS duplicates,
              (coalesce(max(stream_position), 0) - count(DISTINCT stream_position))::int AS gaps
         FROM emt_messages WHERE stream_id = $1`,
      streams.Emmett,
    ),
  };
}
