import { projectionsOf } from '@app/read-models';
import { CASE_STREAM_TYPE } from '@app/domain';
import { Pool } from 'pg';
import { readTopicMessages } from '../test/harness/kafka-reader';
import { EventHeaders, headerValue } from '@app/event-store';
import { Context, Section, size } from './context';
import { cpuSeconds } from './cpu';
import { startStack } from './processes';
import { Row, absolute } from './report';
import { nowMs, percentile, sleep, until } from './stats';

const CASE_PROJECTIONS = projectionsOf(CASE_STREAM_TYPE);
/** How often the read models are looked at: the resolution of the freshness figures. */
const POLL_MS = 5;
/**
 * How often when only the CPU is measured: the bench's own queries are Postgres work the
 * commands did not cause, 200 a second at 5 ms.
 */
const CPU_POLL_MS = 250;

interface Ack {
  readonly caseId: string;
  readonly version: number;
  readonly answeredAt: number;
  readonly measured: boolean;
  casesAt?: number;
  allAt?: number;
}

/**
 * B6 and the first half of B8: the API, the relay and the projector as `up` runs them, each its
 * own process; commands sent at a steady rate over HTTP; for each answered command, the time
 * until its case's version is applied by the `cases` projection (what GET /cases/:id reads) and
 * by every projection of case streams (the procedures projection reads only procedures, which
 * B6 does not write). Three rates, each on a stack of its own: 200 a second (the load the goals
 * were set at; B8's memory and the history B5 and B7 copy come from it), 100 a second (the CPU
 * a command costs every process, from /proc, while nothing queues) and 20 a second (a busy night).
 */
export async function freshness(ctx: Context): Promise<Section> {
  const busiest = await atRate(ctx, 200, { keepHistory: true });
  const cpu = await atRate(ctx, 100, { pollMs: CPU_POLL_MS });
  const night = await atRate(ctx, 20);
  const perCommandMs = Object.fromEntries(
    Object.entries(cpu.cpuSeconds).map(([name, seconds]) => [
      name,
      (seconds * 1000) / cpu.measuredCommands,
    ]),
  );
  const totalMs = Object.values(perCommandMs).reduce((sum, ms) => sum + ms, 0);
  return {
    rows: [
      ...busiest.rows(100),
      absolute('B6', 'CPU per command at 100/s, all processes', 'ms', totalMs, { max: 5 }),
      ...Object.entries(perCommandMs).map(([name, ms]) =>
        absolute('B6', `CPU per command at 100/s, ${name}`, 'ms', ms),
      ),
      ...night.rows(25),
    ],
    details: { '200/s': busiest.details, '100/s': cpu.details, '20/s': night.details },
  };
}

async function atRate(ctx: Context, rate: number, { keepHistory = false, pollMs = POLL_MS } = {}) {
  const { infra } = ctx;
  const databaseUrl = await infra.migratedDatabase(`b6_system_${rate}`);
  const { baseUrl, token, config, apps, stop } = await startStack(ctx, databaseUrl);
  const pool = new Pool({ connectionString: databaseUrl, max: 2 });
  pool.on('error', () => undefined);
  let polling = true;
  let poller: Promise<void> = Promise.resolve();
  const processes = {
    ...infra.serverPids,
    api: apps.api.pid,
    relay: apps.relay.pid,
    projector: apps.projector.pid,
  };
  try {
    const warmupMs = size(ctx, 3000, 5000);
    const measuredMs = size(ctx, 15_000, 40_000);
    const load = new SteadyLoad(baseUrl, token, rate);
    const acks: Ack[] = [];
    const measureFrom = Date.now() + warmupMs;
    let cpuFrom: Record<string, number> = {};
    let transactionsFrom = 0;
    const cpuStart = sleep(warmupMs).then(async () => {
      cpuFrom = cpuSeconds(processes);
      transactionsFrom = await transactions(pool);
    });
    poller = pollVisibility(pool, acks, () => polling, pollMs);
    const sent = load.run(warmupMs + measuredMs, (caseId, version) =>
      acks.push({ caseId, version, answeredAt: nowMs(), measured: Date.now() >= measureFrom }),
    );
    await Promise.all([sent, cpuStart]);
    await until(async () => acks.every((a) => a.allAt !== undefined), 'the read models', 120_000);
    // Every measured command's work is done: the CPU it took, counted to here.
    const cpuTo = cpuSeconds(processes);
    const transactionsTo = await transactions(pool);
    polling = false;
    await poller;

    const measured = acks.filter((a) => a.measured);
    const casesMs = measured.map((a) => a.casesAt! - a.answeredAt);
    const allMs = measured.map((a) => a.allAt! - a.answeredAt);
    const sentAt = await relaySendTimes(infra.brokers, config.kafka.topic);
    const stage = (a: Ack) => sentAt.get(`${a.caseId}/${a.version}`)! - epochMs(a.answeredAt);
    const toRelayMs = measured.map(stage);
    const fromRelayMs = measured.map((a) => a.casesAt! - a.answeredAt - stage(a));
    const at = `at ${rate}/s`;
    return {
      measuredCommands: measured.length,
      cpuSeconds: Object.fromEntries(
        Object.keys(processes).map((name) => [name, cpuTo[name] - cpuFrom[name]]),
      ),
      rows: (maxP99: number): Row[] => [
        absolute('B6', `command → cases read model p50, ${at}`, 'ms', percentile(casesMs, 0.5)),
        absolute('B6', `command → cases read model p99, ${at}`, 'ms', percentile(casesMs, 0.99), {
          max: maxP99,
        }),
        absolute(
          'B6',
          `command → all ${CASE_PROJECTIONS.length} read models p50, ${at}`,
          'ms',
          percentile(allMs, 0.5),
        ),
        absolute(
          'B6',
          `command → all ${CASE_PROJECTIONS.length} read models p99, ${at}`,
          'ms',
          percentile(allMs, 0.99),
          { max: maxP99 },
        ),
      ],
      details: {
        targetCommandsPerSecond: rate,
        achievedCommandsPerSecond: (measured.length * 1000) / measuredMs,
        measuredCommands: measured.length,
        refused: load.refused,
        failed: load.failed,
        pollIntervalMs: pollMs,
        // Committed in the database over the window (the bench's own queries included).
        transactionsPerCommand: (transactionsTo - transactionsFrom) / measured.length,
        // Where the time goes: answer to the relay's send (the message's CreateTime, which the
        // producer stamps as it sends), and from there to the cases read model.
        answerToRelaySendMs: spread(toRelayMs),
        relaySendToCasesReadModelMs: spread(fromRelayMs),
        answerMs: { p50: percentile(load.answerMs, 0.5), p99: percentile(load.answerMs, 0.99) },
      },
    };
  } finally {
    // A failure above leaves the poller running: it ends before its pool does.
    polling = false;
    await poller.catch(() => undefined);
    await stop();
    if (keepHistory) {
      for (const [name, app] of Object.entries(apps))
        ctx.shared.peakMb[`${name} (B6)`] = app.peakMb;
      ctx.shared.historyUrl = databaseUrl;
    }
    await pool.end();
  }
}

/** Transactions committed in the pool's database so far, as Postgres's statistics count them. */
async function transactions(pool: Pool): Promise<number> {
  const { rows } = await pool.query<{ committed: string }>(
    'SELECT xact_commit AS committed FROM pg_stat_database WHERE datname = current_database()',
  );
  return Number(rows[0].committed);
}

const spread = (ms: number[]) => ({ p50: percentile(ms, 0.5), p99: percentile(ms, 0.99) });

/** A performance.now() instant as epoch milliseconds, comparable with Kafka's timestamps. */
const epochMs = (instant: number) => performance.timeOrigin + instant;

/** When the relay sent each event (the producer's CreateTime), by stream and version. */
async function relaySendTimes(brokers: string, topic: string): Promise<Map<string, number>> {
  const messages = await readTopicMessages([brokers], topic);
  return new Map(
    messages.map(({ message }) => [
      `${headerValue(message.headers, EventHeaders.streamId)}/${headerValue(message.headers, EventHeaders.streamVersion)}`,
      Number(message.timestamp),
    ]),
  );
}

/** Looks every few milliseconds at the checkpoints of the streams still waiting. */
async function pollVisibility(
  pool: Pool,
  acks: Ack[],
  running: () => boolean,
  pollMs: number,
): Promise<void> {
  let from = 0;
  while (running()) {
    while (from < acks.length && acks[from].allAt !== undefined) from++;
    const pending = acks.slice(from).filter((a) => a.allAt === undefined);
    if (pending.length > 0) {
      const { rows } = await pool.query<{ id: string; projection: string; version: number }>(
        `SELECT stream_id::text AS id, projection, version FROM read_model.projection_checkpoints
          WHERE stream_id = ANY($1::uuid[])`,
        [[...new Set(pending.map((a) => a.caseId))]],
      );
      const seenAt = nowMs();
      const at = new Map<string, Map<string, number>>();
      for (const row of rows) {
        const byProjection = at.get(row.id) ?? new Map<string, number>();
        byProjection.set(row.projection, row.version);
        at.set(row.id, byProjection);
      }
      for (const ack of pending) {
        const versions = at.get(ack.caseId);
        if (!versions) continue;
        if (ack.casesAt === undefined && (versions.get('cases') ?? 0) >= ack.version) {
          ack.casesAt = seenAt;
        }
        if (CASE_PROJECTIONS.every((p) => (versions.get(p) ?? 0) >= ack.version)) {
          ack.allAt = seenAt;
        }
      }
    }
    await sleep(pollMs);
  }
}

/**
 * Commands at a steady rate over HTTP, each case taken through a short life as an investigator
 * would record it: opened, a group of migrants apprehended, a suspect arrested and detained,
 * an intent to seek protection, an amendment, one more migrant. A case's commands go one after
 * the other (each answer gives the next one's ids); many cases run at once.
 */
class SteadyLoad {
  readonly answerMs: number[] = [];
  refused = 0;
  failed = 0;
  private nextSlot = 0;
  private cases = 0;

  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly rate: number,
  ) {}

  async run(ms: number, onAck: (caseId: string, version: number) => void): Promise<void> {
    const end = Date.now() + ms;
    this.nextSlot = Date.now();
    await Promise.all(
      Array.from({ length: 64 }, async () => {
        while (Date.now() < end) await this.oneCase(end, onAck);
      }),
    );
  }

  private async pace(): Promise<void> {
    const slot = Math.max(Date.now(), this.nextSlot);
    this.nextSlot = slot + 1000 / this.rate;
    await sleep(slot - Date.now());
  }

  private async oneCase(end: number, onAck: (caseId: string, version: number) => void) {
    const base = Date.now() - 10 * 24 * 3600_000 + (this.cases++ % 1000) * 60_000;
    const at = (step: number) => new Date(base + step * 10 * 60_000).toISOString();
    const post = async (path: string, body: object) => {
      await this.pace();
      if (Date.now() >= end) return undefined;
      const started = nowMs();
      const response = await fetch(`${this.baseUrl}${path}`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${this.token}`,
          'content-type': 'application/json',
        },
        body: JSON.stringify(body),
      }).catch(() => undefined);
      this.answerMs.push(nowMs() - started);
      if (!response || response.status !== 201) {
        if (response && response.status < 500) this.refused++;
        else this.failed++;
        await response?.text();
        return undefined;
      }
      const answer = (await response.json()) as {
        caseId: string;
        version: number;
        persons?: { personId: string }[];
      };
      onAck(answer.caseId, answer.version);
      return answer;
    };
    const opened = await post('/cases', {
      directorate: 'novo-mesto',
      borderSection: 'Obrežje',
      offenceParagraph: 3,
      openedAt: at(0),
      summary: 'Van stopped near Obrežje.',
    });
    if (!opened) return;
    const c = `/cases/${opened.caseId}`;
    const group = await post(`${c}/apprehension-groups`, {
      occurredAt: at(1),
      place: 'Obrežje',
      migrants: [
        { nationality: 'SY', minor: false },
        { nationality: 'AF', minor: true },
      ],
    });
    const arrest = await post(`${c}/arrests`, {
      occurredAt: at(2),
      nationality: 'RO',
      slovenianCitizen: false,
      place: 'Obrežje',
    });
    const migrant = group?.persons?.[0]?.personId;
    const suspect = arrest?.persons?.[0]?.personId;
    if (migrant) {
      await post(`${c}/persons/${migrant}/asylum-intents`, {
        occurredAt: at(3),
        expressedTo: 'police',
        statement: 'handwritten',
      });
    }
    if (suspect) await post(`${c}/persons/${suspect}/police-detention`, { occurredAt: at(4) });
    await post(`${c}/amendments`, {
      occurredAt: at(5),
      summary: 'Van with 2 migrants; driver arrested.',
    });
    await post(`${c}/apprehensions`, {
      occurredAt: at(6),
      nationality: 'PK',
      minor: false,
      place: 'Metlika',
    });
  }
}
