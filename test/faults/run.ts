/*
 * The fault suite (`npm run test:faults`): a steady load of commands through the real HTTP
 * API while the relay, the projector and the API are killed, the broker and Postgres are
 * stopped and restarted, and one append's transaction is held open; then every acknowledged
 * command is looked for in the store, on the topic and in the read models. Exits 1 unless
 * lost, duplicated-effect and reordered are all 0 and the read models equal a clean rebuild.
 *
 * FAULTS_SIZE=ci (or CI=true) runs a small load; FAULTS_EVENTS overrides the event count.
 */
import 'reflect-metadata';
import { issueLocalToken } from '@app/auth';
import { PostgresEventStore } from '@app/event-store';
import {
  OwnServers,
  ensureDatabase,
  freePort,
  postgresDataDir,
  repoRoot,
  sleep,
} from '@app/local-infra';
import { AppConfig, dataSourceOptions, loadAuthConfig, loadConfig } from '@app/platform';
import { CASE_STREAM_TYPE } from '@app/domain';
import { READ_MODEL_ENTITIES, projectionsOf } from '@app/read-models';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Checks, checkEverything } from './checks';
import { Ack, Load } from './load';
import { Service, ServiceName } from './processes';

const SIZES = {
  ci: { events: 1500, clients: 8, casesPerClient: 6 },
  full: { events: 10_500, clients: 8, casesPerClient: 25 },
} as const;
const SIZE: keyof typeof SIZES =
  (process.env.FAULTS_SIZE ?? (process.env.CI === 'true' ? 'ci' : 'full')) === 'ci' ? 'ci' : 'full';
const TARGET_EVENTS = Number(process.env.FAULTS_EVENTS ?? SIZES[SIZE].events);
/**
 * The load's steady rate. Unpaced, the API on a 2-core machine accepts commands faster than the
 * relay publishes them, and the outbox only grows; 30 a second is what the relay keeps up with.
 */
const RATE = Number(process.env.FAULTS_RATE ?? 30);
/** Queries a second beside the commands: a read must never be a 500 either. */
const READ_RATE = Number(process.env.FAULTS_READ_RATE ?? 10);
// Below Linux's ephemeral range (32768-60999): there, any client's outgoing connection may
// hold the port for a moment, and the broker, started and restarted here, fails to bind.
const PG_PORT = Number(process.env.FAULTS_PG_PORT ?? 15499);
const KAFKA_PORT = Number(process.env.FAULTS_KAFKA_PORT ?? 19592);
/** How long a recovery may take before the suite calls it failed. */
const RECOVERY_LIMIT_MS = 120_000;
/** A request unanswered this long is a hang; the client gives up and retries. */
const REQUEST_TIMEOUT_MS = 10_000;
/**
 * How many of the API's database connections are cut, each while it serves a request
 * (pg_terminate_backend, as an operator or a failover does): every answer must be a 2xx or a
 * 503 with Retry-After, and each command stored once.
 */
const BACKEND_TERMINATIONS = 12;
/** SIGTERM must end a service within this. */
const SHUTDOWN_BOUND_MS = 15_000;
const REPORT_DIR = join(repoRoot(), 'reports');
const HELD_SUMMARY = 'fault suite: appended in a held transaction';

const log = (line: string) => process.stdout.write(`[faults ${elapsed()}] ${line}\n`);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;

async function until<T>(
  probe: () => Promise<T | undefined>,
  what: string,
  timeoutMs = RECOVERY_LIMIT_MS,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch {
      // Down for now (a restarting dependency): keep probing until the deadline.
    }
    if (Date.now() > deadline)
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

interface Recovery {
  /** From the restart until the API acknowledged a command again. */
  firstAckMs: number | null;
  /** From the restart until every event committed by then was on Kafka (outbox emptied of them). */
  publishedMs: number | null;
  /** From the restart until every projection applied every event committed by then. */
  projectedMs: number | null;
}

interface FaultRecord {
  name: string;
  /** How long the process or dependency was gone (kill to restart, stop to started again). */
  downMs: number;
  recovery: Recovery;
  notes: Record<string, unknown>;
}

interface ReadinessSample {
  status: number | string;
  ms: number;
  retryAfter: string | null;
}

class FaultSuite {
  // Its own, never servers found running: it stops and restarts them.
  private readonly servers = new OwnServers({
    dataDir: postgresDataDir(`faults-${PG_PORT}`),
    postgresPort: PG_PORT,
    kafkaPort: KAFKA_PORT,
    log,
  });
  private services!: Record<ServiceName, Service>;
  private config!: AppConfig;
  private db!: DataSource;
  private load!: Load;
  private baseUrl!: string;
  private token!: string;
  private phase = 'setup';
  private readonly faults: FaultRecord[] = [];
  private readonly extraAcks: Ack[] = [];
  private readonly readiness = new Map<string, ReadinessSample[]>();
  private terminatedBackends = 0;

  async run(): Promise<number> {
    log(
      `size ${SIZE}: ${TARGET_EVENTS} events at ${RATE} commands/s, Postgres on ${PG_PORT}, Kafka on ${KAFKA_PORT}`,
    );
    try {
      await this.setUp();
      await this.drive();
      const checks = await this.check();
      const shutdown = await this.shutDown();
      return this.report(checks, shutdown);
    } finally {
      await this.tearDown();
    }
  }

  private async setUp(): Promise<void> {
    await this.servers.start();
    const databaseUrl = await ensureDatabase(this.servers.adminUrl, 'faults_test');
    const port = await freePort();
    const suffix = randomBytes(4).toString('hex');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: this.servers.brokers,
      KAFKA_TOPIC: `faults.events.${suffix}`,
      KAFKA_PARTITIONS: '6',
      PROJECTOR_GROUP_PREFIX: `faults.projector.${suffix}`,
      PORT: String(port),
      AUTH_JWT_SECRET: randomBytes(32).toString('base64'),
      PERSONAL_DATA_KEY: randomBytes(32).toString('base64'),
      IDENTITY_HASH_KEY: randomBytes(32).toString('base64'),
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'info',
      OTEL_ENABLED: 'false',
    };
    this.config = loadConfig(env);
    this.baseUrl = `http://127.0.0.1:${port}`;
    this.token = await issueLocalToken(loadAuthConfig(env), {
      role: 'supervisor',
      subject: 'fault-suite',
      ttlSeconds: 4 * 3600,
    });
    const logDir = join(REPORT_DIR, 'faults-logs');
    this.services = {
      relay: new Service('relay', env, logDir),
      projector: new Service('projector', env, logDir),
      api: new Service('api', env, logDir),
    };
    for (const service of Object.values(this.services)) service.start();
    await until(
      async () => ((await this.ready()).status === 200 ? true : undefined),
      'the API to be ready',
      90_000,
      250,
    );
    this.db = new DataSource(
      dataSourceOptions(
        { ...this.config, databasePoolSize: 4 },
        READ_MODEL_ENTITIES,
        'fault-suite',
      ),
    );
    await this.db.initialize();
    log(`system ready at ${this.baseUrl}; logs in ${logDir}`);
  }

  private async drive(): Promise<void> {
    const { clients, casesPerClient } = SIZES[SIZE];
    this.load = new Load({
      baseUrl: this.baseUrl,
      token: this.token,
      clients,
      casesPerClient: Math.max(
        1,
        Math.round((casesPerClient * TARGET_EVENTS) / SIZES[SIZE].events),
      ),
      phase: () => this.phase,
      requestTimeoutMs: REQUEST_TIMEOUT_MS,
      commandsPerSecond: RATE,
      readsPerSecond: READ_RATE,
    });
    // A case only the held transaction writes to, opened through the API before the load.
    const heldCase = await this.post('/cases', {
      directorate: 'koper',
      borderSection: 'Sočerga',
      offenceParagraph: 1,
      openedAt: '2023-06-01T08:00:00Z',
      summary: 'fault suite: the held transaction writes here',
    });
    this.extraAcks.push({
      caseId: heldCase.caseId,
      version: heldCase.version,
      position: heldCase.position,
      kind: 'open',
      seq: 1,
      at: Date.now(),
      attempts: 1,
    });
    this.phase = 'steady';
    this.load.start();

    const faults: [string, () => Promise<FaultRecord>][] = [
      ['relay SIGKILL 1', () => this.killAndRestart('relay', 'relay SIGKILL 1', 1500)],
      ['projector SIGKILL 1', () => this.killAndRestart('projector', 'projector SIGKILL 1', 1500)],
      ['api SIGKILL 1', () => this.killAndRestart('api', 'api SIGKILL 1', 1000)],
      ['held transaction', () => this.heldTransaction(heldCase.caseId, heldCase.version, 5000)],
      ['backends terminated', () => this.terminateBackends(BACKEND_TERMINATIONS)],
      ['relay SIGKILL 2', () => this.killAndRestart('relay', 'relay SIGKILL 2', 500)],
      ['kafka stop/start', () => this.restartKafka(8000)],
      ['projector SIGKILL 2', () => this.killAndRestart('projector', 'projector SIGKILL 2', 500)],
      ['postgres stop/start', () => this.restartPostgres(8000)],
      ['relay SIGKILL 3', () => this.killAndRestart('relay', 'relay SIGKILL 3', 0)],
      ['api SIGKILL 2', () => this.killAndRestart('api', 'api SIGKILL 2', 0)],
      ['projector SIGKILL 3', () => this.killAndRestart('projector', 'projector SIGKILL 3', 0)],
      ['api SIGTERM under load', () => this.terminateApiUnderLoad()],
    ];
    // CI's size kills the relay and the projector twice, not three times: each projector kill
    // costs the consumer group's session timeout (PROJECTOR_SESSION_TIMEOUT_MS, 10 s).
    const chosen =
      SIZE === 'ci' ? faults.filter(([name]) => !/(relay|projector) SIGKILL 3/.test(name)) : faults;
    for (const [index, [name, fault]] of chosen.entries()) {
      const due = Math.floor((TARGET_EVENTS * (index + 1)) / (chosen.length + 2));
      await until(
        async () => (this.load.acknowledgedEvents >= due ? true : undefined),
        `${due} acknowledged events before ${name}`,
        30 * 60_000,
        50,
      );
      log(`${name} (at ${this.load.acknowledgedEvents} acknowledged events)`);
      const record = await fault();
      this.faults.push(record);
      this.phase = 'steady';
      log(`  ${name}: ${describeRecovery(record)}`);
    }
    await until(
      async () =>
        this.load.acknowledgedEvents + this.extraAcks.length >= TARGET_EVENTS ? true : undefined,
      `${TARGET_EVENTS} acknowledged events`,
      30 * 60_000,
      100,
    );
    this.phase = 'draining';
    await this.load.stop();
    log(
      `load stopped at ${this.load.acknowledgedEvents + this.extraAcks.length} acknowledged events`,
    );
  }

  private async killAndRestart(
    name: ServiceName,
    label: string,
    pauseMs: number,
  ): Promise<FaultRecord> {
    this.phase = label;
    const service = this.services[name];
    const killedAt = Date.now();
    const notes: Record<string, unknown> = {};
    if (name === 'relay') notes.outboxAtKill = await this.outboxSize();
    await service.kill();
    await sleep(pauseMs);
    service.start();
    const restartedAt = Date.now();
    const recovery = await this.recovery(restartedAt);
    return { name: label, downMs: restartedAt - killedAt, recovery, notes };
  }

  /** SIGTERM with requests in flight: they should be answered (drained), and the process exit 0 in time. */
  private async terminateApiUnderLoad(): Promise<FaultRecord> {
    const label = 'api SIGTERM under load';
    this.phase = label;
    const service = this.services.api;
    const inFlight = this.load.watchInFlight();
    const exit = await service.terminate(SHUTDOWN_BOUND_MS);
    // A drain answers the requests in flight: ECONNRESET / UND_ERR_SOCKET here are requests it
    // cut. ECONNREFUSED only says the port was closed, which a drain does first.
    const failedDuringShutdown = this.networkErrors(label);
    const stoppedAt = Date.now();
    service.start();
    const restartedAt = Date.now();
    const recovery = await this.recovery(restartedAt);
    return {
      name: label,
      downMs: restartedAt - stoppedAt + exit.ms,
      recovery,
      notes: {
        // A drain answers each of them (201); a network error means the request was cut.
        requestsInFlightAtSigterm: inFlight.outcomes(),
        failedDuringShutdown,
        exit,
      },
    };
  }

  private async heldTransaction(
    caseId: string,
    version: number,
    holdMs: number,
  ): Promise<FaultRecord> {
    const label = 'held transaction';
    this.phase = label;
    const store = new PostgresEventStore(this.db);
    let held: { position: string; version: number } | undefined;
    let laterPublishedWhileHeld = 0;
    let laterCommittedWhileHeld = 0;
    const startedAt = Date.now();
    await this.db.transaction(async (tx) => {
      const result = await store.append(
        {
          streamId: caseId,
          streamType: 'case',
          expectedVersion: version,
          events: [
            {
              type: 'case.details-amended',
              schemaVersion: 1,
              occurredAt: new Date('2023-06-01T09:00:00Z'),
              data: { caseId, changes: { summary: HELD_SUMMARY } },
            },
          ],
          metadata: {
            actorId: 'fault-suite',
            role: 'supervisor',
            directorate: null,
            correlationId: randomUUID(),
            causationId: randomUUID(),
            commandId: randomUUID(),
            idempotencyKey: null,
          },
        },
        tx,
      );
      held = { position: result.position, version: result.version };
      await sleep(holdMs);
      // Outside the transaction (another connection): what later appends did meanwhile.
      const [row]: { committed: string; published: string }[] = await this.db.query(
        `SELECT count(*) AS committed,
                count(*) FILTER (WHERE NOT EXISTS
                  (SELECT 1 FROM event_store.outbox o WHERE o.position = e.position)) AS published
           FROM event_store.events e WHERE e.position > $1`,
        [result.position],
      );
      laterCommittedWhileHeld = Number(row.committed);
      laterPublishedWhileHeld = Number(row.published);
    });
    const committedAt = Date.now();
    this.extraAcks.push({
      caseId,
      version: held!.version,
      position: held!.position,
      kind: 'amend',
      seq: 0,
      at: committedAt,
      attempts: 1,
      summary: HELD_SUMMARY,
    });
    const publishedMs = await this.timed(committedAt, async () => {
      const [row]: { n: string }[] = await this.db.query(
        'SELECT count(*) AS n FROM event_store.outbox WHERE position = $1',
        [held!.position],
      );
      return row.n === '0' ? true : undefined;
    });
    const projectedMs = await this.timed(committedAt, async () =>
      (await this.projectionsBehind(new Map([[caseId, held!.version]]))) === 0 ? true : undefined,
    );
    return {
      name: label,
      downMs: committedAt - startedAt,
      recovery: { firstAckMs: null, publishedMs, projectedMs },
      notes: { heldPosition: held!.position, laterCommittedWhileHeld, laterPublishedWhileHeld },
    };
  }

  /**
   * Cuts the API's connections one at a time, each while it runs a statement or holds a
   * transaction open (a command or a query in flight), waiting for the next such moment.
   */
  private async terminateBackends(count: number): Promise<FaultRecord> {
    const label = 'backends terminated';
    this.phase = label;
    const startedAt = Date.now();
    const states: Record<string, number> = {};
    while (this.terminatedBackends < count) {
      const [busy]: { pid: number; state: string }[] = await until(
        async () => {
          const rows: { pid: number; state: string }[] = await this.db.query(
            `SELECT pid, state FROM pg_stat_activity
              WHERE application_name = 'api' AND datname = current_database()
                AND state IN ('active', 'idle in transaction')`,
          );
          return rows.length > 0 ? rows : undefined;
        },
        'an API connection serving a request',
        30_000,
        5,
      );
      const [{ ok }]: { ok: boolean }[] = await this.db.query(
        'SELECT pg_terminate_backend($1) AS ok',
        [busy.pid],
      );
      if (!ok) continue;
      this.terminatedBackends++;
      states[busy.state] = (states[busy.state] ?? 0) + 1;
    }
    const endedAt = Date.now();
    const recovery = await this.recovery(endedAt);
    return {
      name: label,
      downMs: endedAt - startedAt,
      recovery,
      notes: { terminatedBackends: this.terminatedBackends, stateWhenTerminated: states },
    };
  }

  private async restartKafka(downMs: number): Promise<FaultRecord> {
    return this.restartDependency(
      'kafka',
      downMs,
      () => this.servers.kafka.stop(),
      () => this.servers.kafka.start(),
    );
  }

  private async restartPostgres(downMs: number): Promise<FaultRecord> {
    return this.restartDependency(
      'postgres',
      downMs,
      () => this.servers.postgres.stop(),
      () => this.servers.postgres.start(),
    );
  }

  private async restartDependency(
    name: string,
    downMs: number,
    stop: () => Promise<void>,
    start: () => Promise<void>,
  ): Promise<FaultRecord> {
    const down = `${name} down`;
    this.phase = down;
    const stoppingAt = Date.now();
    await stop();
    const stoppedAt = Date.now();
    const samples: ReadinessSample[] = [];
    this.readiness.set(down, samples);
    while (Date.now() - stoppedAt < downMs) {
      samples.push(await this.ready());
      await sleep(500);
    }
    this.phase = `${name} restarting`;
    const startingAt = Date.now();
    await start();
    const restartedAt = Date.now();
    this.phase = `${name} recovering`;
    const recovery = await this.recovery(restartedAt);
    return {
      name: `${name} stop/start`,
      downMs: restartedAt - stoppedAt,
      recovery,
      notes: {
        stopMs: stoppedAt - stoppingAt,
        startMs: restartedAt - startingAt,
        readinessWhileDown: summarize(samples),
      },
    };
  }

  /** Times from `since` until the API acknowledges again, the relay and the projector catch up. */
  private async recovery(since: number): Promise<Recovery> {
    const firstAck = this.timed(since, async () =>
      this.load.stats.acks.some((a) => a.at >= since) ? true : undefined,
    );
    const catchUp = (async () => {
      // What was committed by the restart (read once Postgres answers again).
      const [{ max }]: { max: string | null }[] = await until(
        () => this.db.query('SELECT max(position)::text AS max FROM event_store.events'),
        'Postgres to answer',
      );
      const versions = await this.streamVersions();
      const publishedMs = await this.timed(since, async () => {
        const [row]: { n: string }[] = await this.db.query(
          'SELECT count(*) AS n FROM event_store.outbox WHERE position <= $1',
          [max ?? '0'],
        );
        return row.n === '0' ? true : undefined;
      });
      const projectedMs = await this.timed(since, async () =>
        (await this.projectionsBehind(versions)) === 0 ? true : undefined,
      );
      return { publishedMs, projectedMs };
    })();
    const [firstAckMs, caught] = await Promise.all([firstAck, catchUp]);
    return { firstAckMs, ...caught };
  }

  /** Milliseconds from `since` until the probe holds, or null if it did not within the limit. */
  private async timed(
    since: number,
    probe: () => Promise<true | undefined>,
  ): Promise<number | null> {
    try {
      await until(probe, 'recovery', RECOVERY_LIMIT_MS, 50);
      return Date.now() - since;
    } catch {
      return null;
    }
  }

  private async streamVersions(): Promise<Map<string, number>> {
    const rows: { stream_id: string; version: number }[] = await this.db.query(
      `SELECT stream_id, max(version) AS version FROM event_store.events
        WHERE stream_type = $1 GROUP BY stream_id`,
      [CASE_STREAM_TYPE],
    );
    return new Map(rows.map((r) => [r.stream_id, r.version]));
  }

  /** How many (projection, stream) pairs have not yet applied the given stream versions. */
  private async projectionsBehind(versions: Map<string, number>): Promise<number> {
    const [row]: { n: string }[] = await this.db.query(
      `SELECT count(*) AS n
         FROM unnest($1::uuid[], $2::int[]) AS s(stream_id, version)
        CROSS JOIN unnest($3::text[]) AS p(projection)
         LEFT JOIN read_model.projection_checkpoints c
           ON c.projection = p.projection AND c.stream_id = s.stream_id
        WHERE coalesce(c.version, 0) < s.version`,
      [[...versions.keys()], [...versions.values()], projectionsOf(CASE_STREAM_TYPE)],
    );
    return Number(row.n);
  }

  private async outboxSize(): Promise<number> {
    const [row]: { n: string }[] = await this.db.query(
      'SELECT count(*) AS n FROM event_store.outbox',
    );
    return Number(row.n);
  }

  /** Requests of the phase that failed without an answer, by how. */
  private networkErrors(phase: string): Record<string, number> {
    const byStatus = this.load.stats.outcomes.get(phase) ?? new Map<string, number>();
    return Object.fromEntries(
      [...byStatus].filter(
        ([status]) => status === 'timeout' || status.startsWith('network-error'),
      ),
    );
  }

  private async ready(): Promise<ReadinessSample> {
    const at = Date.now();
    try {
      const response = await fetch(`${this.baseUrl}/health/ready`, {
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      await response.text();
      return {
        status: response.status,
        ms: Date.now() - at,
        retryAfter: response.headers.get('retry-after'),
      };
    } catch (error) {
      const timeout = error instanceof Error && error.name === 'TimeoutError';
      return {
        status: timeout ? 'timeout' : 'network-error',
        ms: Date.now() - at,
        retryAfter: null,
      };
    }
  }

  private async post(
    path: string,
    body: unknown,
  ): Promise<{ caseId: string; version: number; position: string }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${this.token}`,
        'content-type': 'application/json',
        'idempotency-key': randomUUID(),
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${text}`);
    return JSON.parse(text) as { caseId: string; version: number; position: string };
  }

  private async check(): Promise<Checks> {
    log('waiting for the relay and every projection to drain');
    const drainedAt = Date.now();
    await until(
      async () => ((await this.outboxSize()) === 0 ? true : undefined),
      'the outbox to empty',
    );
    await until(
      async () =>
        (await this.projectionsBehind(await this.streamVersions())) === 0 ? true : undefined,
      'every projection to apply every stored event',
    );
    log(
      `drained in ${Date.now() - drainedAt} ms; checking the store, the topic and the read models`,
    );
    return checkEverything(this.db, this.config, [...this.load.stats.acks, ...this.extraAcks]);
  }

  private async shutDown(): Promise<Record<ServiceName, ShutdownRecord>> {
    const result = {} as Record<ServiceName, ShutdownRecord>;
    for (const name of ['api', 'relay', 'projector'] as const) {
      result[name] = await this.services[name].terminate(SHUTDOWN_BOUND_MS);
    }
    return result;
  }

  private report(checks: Checks, shutdown: Record<ServiceName, ShutdownRecord>): number {
    const stats = this.load.stats;
    const outcomes = Object.fromEntries(
      [...stats.outcomes].map(([phase, m]) => [phase, Object.fromEntries(m)]),
    );
    const unexpectedExits = Object.fromEntries(
      Object.values(this.services).map((s) => [s.name, s.unexpectedExits]),
    );
    const failures = verdict(checks, this.faults, stats, this.readiness, shutdown, unexpectedExits);
    if (this.terminatedBackends < BACKEND_TERMINATIONS) {
      failures.push(
        `backends terminated: ${this.terminatedBackends} of ${BACKEND_TERMINATIONS} API connections cut in flight`,
      );
    }
    const passed = failures.length === 0;
    const report = {
      size: SIZE,
      targetEvents: TARGET_EVENTS,
      commandsPerSecond: RATE,
      durationMs: Date.now() - started,
      passed,
      failures,
      lost: checks.lost,
      duplicatedEffect: checks.duplicatedEffect,
      reordered: checks.reordered,
      readModelsEqualRebuild: checks.rebuildDifferences.length === 0,
      checks,
      faults: this.faults,
      outcomesByPhase: outcomes,
      unavailableWithoutRetryAfter: Object.fromEntries(stats.unavailableWithoutRetryAfter),
      serverErrors: stats.serverErrors.slice(0, 50),
      serverErrorCount: stats.serverErrors.length,
      refused: stats.refused.slice(0, 50),
      refusedCount: stats.refused.length,
      readiness: Object.fromEntries([...this.readiness].map(([k, v]) => [k, summarize(v)])),
      unexpectedExits,
      gracefulShutdown: { boundMs: SHUTDOWN_BOUND_MS, ...shutdown },
      retriedCommands: stats.acks.filter((a) => a.attempts > 1).length,
    };
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(join(REPORT_DIR, 'faults.json'), `${JSON.stringify(report, null, 2)}\n`);

    const row = (cells: (string | number)[]) =>
      cells.map((c, i) => String(c).padEnd(i === 0 ? 26 : 12)).join('');
    const ms = (v: number | null) => (v === null ? 'NOT IN TIME' : `${v} ms`);
    const lines = [
      '',
      row(['fault', 'down', 'first ack', 'published', 'projected']),
      ...this.faults.map((f) =>
        row([
          f.name,
          `${f.downMs} ms`,
          f.name === 'held transaction' ? 'n/a' : ms(f.recovery.firstAckMs),
          ms(f.recovery.publishedMs),
          ms(f.recovery.projectedMs),
        ]),
      ),
      '',
      `acknowledged events  ${checks.acknowledged} (stored ${checks.stored}, on the topic ${checks.topicMessages} messages, ${checks.duplicatesOnTopic} re-published duplicates)`,
      `lost                 ${checks.lost}`,
      `duplicated-effect    ${checks.duplicatedEffect}`,
      `reordered            ${checks.reordered}`,
      `read models = rebuild ${checks.rebuildDifferences.length === 0 ? 'yes' : `NO ${JSON.stringify(checks.rebuildDifferences)}`}`,
      `server errors (5xx other than 503): ${stats.serverErrors.length}; refused (4xx): ${stats.refused.length}`,
      `answers by phase: ${JSON.stringify(outcomes)}`,
      `503 without Retry-After by phase: ${JSON.stringify(Object.fromEntries(stats.unavailableWithoutRetryAfter))}`,
      `unexpected exits: ${JSON.stringify(unexpectedExits)}`,
      `graceful shutdown (SIGTERM, bound ${SHUTDOWN_BOUND_MS} ms): ${JSON.stringify(shutdown)}`,
      `report: ${join(REPORT_DIR, 'faults.json')}`,
      passed ? 'PASSED' : `FAILED:\n  ${failures.join('\n  ')}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    return passed ? 0 : 1;
  }

  private async tearDown(): Promise<void> {
    for (const service of Object.values(this.services ?? {}))
      await service.close().catch(() => undefined);
    await this.db?.destroy().catch(() => undefined);
    await this.servers.stop().catch(() => undefined);
  }
}

type ShutdownRecord = Awaited<ReturnType<Service['terminate']>>;

/**
 * Every way the run can fail, each named: an empty list is a pass. Beyond the counts, the
 * issue's promises while things fail: a dependency down is a 503 with Retry-After (never a 500
 * or a hang) and readiness says so, everything recovers by itself, and SIGTERM answers the
 * requests in flight and exits 0 in time.
 */
function verdict(
  checks: Checks,
  faults: readonly FaultRecord[],
  stats: Load['stats'],
  readiness: ReadonlyMap<string, readonly ReadinessSample[]>,
  shutdown: Record<ServiceName, ShutdownRecord>,
  unexpectedExits: Record<string, readonly unknown[]>,
): string[] {
  const failures: string[] = [];
  const fail = (condition: boolean, what: string) => condition && failures.push(what);
  fail(checks.lost !== 0, `lost ${checks.lost}`);
  fail(checks.duplicatedEffect !== 0, `duplicated-effect ${checks.duplicatedEffect}`);
  fail(checks.reordered !== 0, `reordered ${checks.reordered}`);
  fail(checks.rebuildDifferences.length !== 0, 'read models differ from a clean rebuild');
  for (const f of faults) {
    const { firstAckMs, publishedMs, projectedMs } = f.recovery;
    fail(
      publishedMs === null || projectedMs === null,
      `${f.name}: not published and projected within ${RECOVERY_LIMIT_MS} ms`,
    );
    fail(
      f.name !== 'held transaction' && firstAckMs === null,
      `${f.name}: no command acknowledged within ${RECOVERY_LIMIT_MS} ms`,
    );
  }
  fail(stats.serverErrors.length !== 0, `${stats.serverErrors.length} answers 5xx other than 503`);
  const bare = [...stats.unavailableWithoutRetryAfter.values()].reduce((a, b) => a + b, 0);
  fail(bare !== 0, `${bare} answers 503 without Retry-After`);
  const hangs = [...stats.outcomes.values()].reduce((n, m) => n + (m.get('timeout') ?? 0), 0);
  fail(hangs !== 0, `${hangs} requests unanswered after ${REQUEST_TIMEOUT_MS} ms`);
  for (const [phase, samples] of readiness) {
    const notDown = samples.filter((s) => s.status !== 503).length;
    fail(notDown !== 0, `${phase}: readiness answered other than 503 ${notDown} times`);
  }
  const sigterm = faults.find((f) => f.name === 'api SIGTERM under load');
  if (sigterm) {
    const exit = sigterm.notes.exit as ShutdownRecord;
    const inFlight = sigterm.notes.requestsInFlightAtSigterm as Record<string, number>;
    const cut = Object.entries(inFlight).filter(([outcome]) => !/^2\d\d$/.test(outcome));
    fail(
      cut.length !== 0,
      `api SIGTERM under load: requests in flight ended ${JSON.stringify(cut)}`,
    );
    fail(exit.code !== 0 || exit.timedOut, `api SIGTERM under load: exit ${JSON.stringify(exit)}`);
  }
  for (const [name, exit] of Object.entries(shutdown)) {
    fail(
      exit.code !== 0 || exit.timedOut,
      `${name} at the end: SIGTERM gave ${JSON.stringify(exit)}`,
    );
  }
  for (const [name, exits] of Object.entries(unexpectedExits)) {
    fail(exits.length !== 0, `${name} exited ${exits.length} times without being stopped`);
  }
  return failures;
}

function describeRecovery(f: FaultRecord): string {
  const ms = (v: number | null) => (v === null ? 'not in time' : `${v} ms`);
  const firstAck = f.name === 'held transaction' ? 'n/a' : ms(f.recovery.firstAckMs);
  return `down ${f.downMs} ms; first ack ${firstAck}, published ${ms(f.recovery.publishedMs)}, projected ${ms(f.recovery.projectedMs)} ${JSON.stringify(f.notes)}`;
}

function summarize(samples: readonly ReadinessSample[]): Record<string, unknown> {
  const statuses: Record<string, number> = {};
  for (const s of samples) statuses[String(s.status)] = (statuses[String(s.status)] ?? 0) + 1;
  return {
    statuses,
    maxMs: Math.max(0, ...samples.map((s) => s.ms)),
    withoutRetryAfter: samples.filter((s) => s.status === 503 && !s.retryAfter).length,
  };
}

new FaultSuite()
  .run()
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    process.stderr.write(
      `fault suite failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  });
