import { PostgresEventStore } from '@app/event-store';
import { dataDir, ensureKafka, freePorts } from '@app/local-infra';
import { AppConfig } from '@app/platform';
import { CASE_STREAM_TYPE } from '@app/domain';
import { projectionsOf } from '@app/read-models';
import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { RunningService, ServiceName, startService, warned } from '../harness/built-service';
import { caseOpened, metadata } from '../harness/fixtures';
import { postgresBehindPort, urlOnPort } from '../harness/postgres-behind-port';
import {
  TestDatabase,
  connect,
  createTestDatabase,
  eventually,
  testConfig,
} from '../harness/test-env';

/** Every process that migrates waits on this advisory lock (libs/platform data-source.ts). */
const MIGRATION_LOCK_ID = 7_308_001;

/**
 * A relay or projector started before Postgres or Kafka waits for it, one line at warn per
 * attempt (what is down, why, when it tries again), and goes on once it is there: it does not
 * exit. A stop while it waits ends it at once, with exit 0.
 */
describe('a service started while a dependency is down', () => {
  let database: TestDatabase;
  const services: RunningService[] = [];
  const cleanups: (() => Promise<void>)[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
  });

  afterEach(async () => {
    for (const service of services.splice(0)) {
      if (service.child.exitCode === null && service.child.signalCode === null) {
        service.child.kill('SIGKILL');
        await service.exited;
      }
    }
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    await database.drop();
  });

  const start = (name: ServiceName, config: AppConfig) => {
    const service = startService(name, config);
    services.push(service);
    return service;
  };

  const stopped = async (service: RunningService) => {
    service.child.kill('SIGTERM');
    const code = await service.exited;
    if (code !== 0) throw new Error(`exit ${code}\n--- output ---\n${service.output()}`);
    return code;
  };

  /** Appends a case's first event, and resolves once every projection applied it. */
  const appendAndProject = async (config: AppConfig) => {
    const db: DataSource = await connect(config, 2);
    cleanups.push(() => db.destroy());
    const caseId = randomUUID();
    await new PostgresEventStore(db).append({
      streamId: caseId,
      streamType: 'case',
      expectedVersion: 0,
      events: [caseOpened(caseId)],
      metadata: metadata(),
    });
    await eventually(
      async () => {
        const [{ n }] = await db.query<{ n: number }[]>(
          `SELECT count(*)::int AS n FROM read_model.projection_checkpoints
            WHERE stream_id = $1 AND version = 1`,
          [caseId],
        );
        return n === projectionsOf(CASE_STREAM_TYPE).length ? true : undefined;
      },
      { what: 'every projection to apply the event', timeoutMs: 60_000 },
    );
  };

  const noErrors = (...running: RunningService[]) =>
    running.map((service) => [...service.messages('error'), ...service.messages('fatal')]);

  it('Kafka: the relay and the projector wait for the broker, then publish and project', async () => {
    const [port, controllerPort] = await freePorts(2);
    const config = testConfig(database.url, { KAFKA_BROKERS: `127.0.0.1:${port}` });
    const relay = start('relay', config);
    const projector = start('projector', config);
    const waiting =
      /^Kafka is unavailable \(creating the event topic\): .*ECONNREFUSED.*; next attempt in \d+ ms$/;
    // A second attempt: still there, and retrying.
    await warned(relay, waiting, 2);
    await warned(projector, waiting, 2);
    expect([relay.child.exitCode, projector.child.exitCode]).toEqual([null, null]);

    const brokerDir = dataDir(`test-kafka-late-${port}`);
    rmSync(brokerDir, { recursive: true, force: true });
    const broker = await ensureKafka({ dataDir: brokerDir, port, controllerPort, heap: '256m' });
    cleanups.push(async () => {
      await broker.stop();
      rmSync(brokerDir, { recursive: true, force: true });
    });
    await appendAndProject(config);

    // Waiting out an outage needs no person: nothing at error, though both raced to create
    // the topic on the new broker.
    expect(noErrors(relay, projector)).toEqual([[], []]);
    await expect(stopped(relay)).resolves.toBe(0);
    await expect(stopped(projector)).resolves.toBe(0);
    // About 40 s here; a broker slow to start on a loaded machine meets a longer wait.
  }, 180_000);

  it('Postgres: they wait for it to answer, and for a migration cut by a terminated backend (57P01)', async () => {
    const [port] = await freePorts(1);
    const postgres = await postgresBehindPort(database.url, port);
    cleanups.push(() => postgres.close());
    const config = testConfig(urlOnPort(database.url, port));
    // Holds the migrations back, so that the services are surely migrating when cut.
    const holder = new Client({ connectionString: database.url });
    await holder.connect();
    cleanups.push(() => holder.end());
    await holder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);

    const relay = start('relay', config);
    const projector = start('projector', config);
    const down =
      /^Postgres is unavailable \(connecting\): .*ECONNREFUSED.*; next attempt in \d+ ms$/;
    await warned(relay, down, 2);
    await warned(projector, down, 2);
    expect([relay.child.exitCode, projector.child.exitCode]).toEqual([null, null]);

    await postgres.open();
    const waitingOnLock = async () => {
      const { rows } = await holder.query<{ pid: number }>(
        `SELECT pid FROM pg_stat_activity
          WHERE datname = current_database() AND wait_event_type = 'Lock'
            AND query LIKE '%pg_advisory_lock%' AND pid <> pg_backend_pid()`,
      );
      return rows.length === 2 ? rows : undefined;
    };
    const migrating = await eventually(waitingOnLock, { what: 'both to wait to migrate' });
    await holder.query('SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid', [
      migrating.map((row) => row.pid),
    ]);
    const cut =
      /^Postgres is unavailable \(migrating\): terminating connection due to administrator command; next attempt in \d+ ms$/;
    await warned(relay, cut);
    await warned(projector, cut);
    // They come back to the lock, and migrate once it is free.
    await eventually(waitingOnLock, { what: 'both to wait to migrate again' });
    await holder.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    await appendAndProject(config);

    expect(noErrors(relay, projector)).toEqual([[], []]);
    await expect(stopped(relay)).resolves.toBe(0);
    await expect(stopped(projector)).resolves.toBe(0);
  });

  it('a stop while it waits ends it at once, with exit 0', async () => {
    const [deadPort] = await freePorts(1);
    const kafkaDown = testConfig(database.url, { KAFKA_BROKERS: `127.0.0.1:${deadPort}` });
    const postgresDown = testConfig(urlOnPort(database.url, deadPort));
    const relay = start('relay', kafkaDown);
    const projector = start('projector', postgresDown);
    const api = start('api', postgresDown);
    await warned(relay, /^Kafka is unavailable/);
    await warned(projector, /^Postgres is unavailable/);
    // The API says so as it waits too, not once it has started.
    await warned(api, /^Postgres is unavailable/);

    // Within the grace period (10 s by default), past which it would exit 1.
    await expect(stopped(relay)).resolves.toBe(0);
    await expect(stopped(projector)).resolves.toBe(0);
    await expect(stopped(api)).resolves.toBe(0);
    for (const service of [relay, projector, api]) {
      expect(service.messages('info')).toContain('stopped while waiting for a dependency');
    }
  });
});
