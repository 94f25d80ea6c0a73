import { portAnswers } from '@app/local-infra';
import { createKafka } from '@app/platform';
import { PROJECTION_NAMES } from '@app/read-models';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { BuiltUp, startBuiltUp } from '../harness/built-up';
import { timeline, validBody } from '../harness/routes';
import { http, projectionsCaughtUp } from '../harness/system';
import { TestDatabase, createTestDatabase, eventually, testToken } from '../harness/test-env';

const openCase = (summary: string) => validBody('POST /cases', { at: timeline() }, { summary });

/** How each service ended, from the lines `up` writes as it stops them. */
const exitsOf = (output: string) =>
  Object.fromEntries(
    [...output.matchAll(/\[up\] (api|relay|projector) stopped \(exit (\S+)\)/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );

/**
 * SIGTERM, as an orchestrator stops a service: the command being answered is answered, the
 * projector's consumers commit what they applied, and every service exits 0 in time.
 */
describe('a graceful stop', () => {
  let database: TestDatabase;
  let up: BuiltUp | undefined;

  afterAll(async () => {
    if (up?.child.exitCode === null) up.child.kill('SIGKILL');
    await database?.drop();
  });

  it('answers the command in flight at SIGTERM, commits consumer progress, exits 0, and a restart goes on from there', async () => {
    database = await createTestDatabase();
    const first = await startBuiltUp(database, { SHUTDOWN_GRACE_MS: '10000' });
    up = first;
    const token = await testToken('supervisor');
    const opened = await http(first.baseUrl, 'POST', '/cases', {
      json: openCase('Opened before the stop.'),
      token,
    });
    expect(opened.status).toBe(201);
    await projectionsCaughtUp(first.baseUrl);

    // The next command waits on its idempotency key's lock, held here: it is in flight for
    // as long as this test wants.
    const key = randomUUID();
    const blocker = new Client({ connectionString: database.url });
    await blocker.connect();
    await blocker.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [
      `idempotency:test-supervisor:${key}`,
    ]);
    const inFlight = http(first.baseUrl, 'POST', '/cases', {
      json: openCase('Answered while the API was stopping.'),
      token,
      headers: { 'idempotency-key': key },
    });
    await eventually(
      async () => {
        const { rows } = await blocker.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event = 'advisory'
              AND query LIKE '%pg_advisory_xact_lock%'`,
        );
        return rows[0].n === 1 ? true : undefined;
      },
      { what: 'the command to wait on its key' },
    );

    first.child.kill('SIGTERM');
    // The port closes to new connections while the command is still being answered.
    await eventually(async () => ((await portAnswers(first.port)) ? undefined : true), {
      what: 'the port to close',
    });
    await blocker.query('SELECT pg_advisory_unlock_all()');
    await blocker.end();
    const answered = await inFlight.catch((error: Error) => {
      throw new Error(`${error.message}\n--- output of "up" ---\n${first.output()}`);
    });
    expect(answered.status).toBe(201);

    await expect(first.exited).resolves.toBe(0);
    expect(exitsOf(first.output())).toEqual({ api: '0', relay: '0', projector: '0' });
    expect(first.output()).not.toContain('not stopped within the grace period');

    // Each projection's consumer group committed exactly what its tables applied.
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const admin = createKafka(first.config.kafka, 'test').admin();
    await admin.connect();
    try {
      for (const projection of PROJECTION_NAMES) {
        const { rows } = await db.query<{ partition: number; next_offset: string }>(
          `SELECT partition, next_offset::text AS next_offset FROM read_model.projection_progress
            WHERE projection = $1 ORDER BY partition`,
          [projection],
        );
        const [committed] = await admin.fetchOffsets({
          groupId: `${first.config.projector.groupPrefix}.${projection}`,
          topics: [first.config.kafka.topic],
        });
        const consumed = committed.partitions
          .filter((p) => p.offset !== '-1')
          .sort((a, b) => a.partition - b.partition)
          .map((p) => ({ partition: p.partition, next_offset: p.offset }));
        expect({ projection, consumed }).toEqual({ projection, consumed: rows });
      }
    } finally {
      await admin.disconnect();
    }

    // The command answered during the stop is stored, and the restarted system publishes and
    // projects it.
    const caseId = answered.body.caseId as string;
    const stored = await db.query('SELECT 1 FROM event_store.events WHERE stream_id = $1', [
      caseId,
    ]);
    await db.end();
    expect(stored.rowCount).toBe(1);
    const second = await startBuiltUp(database, {
      KAFKA_TOPIC: first.config.kafka.topic,
      PROJECTOR_GROUP_PREFIX: first.config.projector.groupPrefix,
    });
    up = second;
    const projected = await eventually(async () => {
      const answer = await http(second.baseUrl, 'GET', `/cases/${caseId}`);
      return answer.status === 200 ? answer : undefined;
    });
    expect(projected.body).toMatchObject({
      caseId,
      summary: 'Answered while the API was stopping.',
    });
    second.child.kill('SIGTERM');
    await expect(second.exited).resolves.toBe(0);
  });
});
