import { portAnswers } from '@app/local-infra';
import { Client } from 'pg';
import { BuiltUp, runCli, startBuiltUp } from '../harness/built-up';
import { timeline, validBody } from '../harness/routes';
import { http, projectionsCaughtUp } from '../harness/system';
import {
  TEST_AUTH_SECRET,
  TestDatabase,
  createTestDatabase,
  eventually,
  testToken,
} from '../harness/test-env';

/**
 * What `npm start` runs, on the built code: the CLI starts the API, the relay and the
 * projector as separate processes (here on the test servers, given by configuration).
 */
describe('the system started by the CLI', () => {
  let database: TestDatabase;
  let up: BuiltUp;
  let caseId: string;

  afterAll(async () => {
    if (up?.child.exitCode === null) up.child.kill('SIGKILL');
    await database?.drop();
  });

  it('serves a case end to end through separate processes and stops them all on SIGTERM', async () => {
    database = await createTestDatabase();
    up = await startBuiltUp(database);
    const { baseUrl, config, port } = up;
    const created = await http(baseUrl, 'POST', '/cases', {
      json: validBody(
        'POST /cases',
        { at: timeline() },
        { directorate: 'koper', offenceParagraph: 6 },
      ),
    });
    expect(created.status).toBe(201);
    caseId = created.body.caseId as string;
    const projected = await eventually(async () => {
      const answer = await http(baseUrl, 'GET', `/cases/${caseId}`);
      return answer.status === 200 ? answer : undefined;
    });
    expect(projected.body).toMatchObject({
      caseId,
      directorate: 'koper',
      offence: { article: 308, paragraph: 6 },
    });
    // Every projection, not only the one GET /cases reads, has the case before the stop: the
    // rebuild below compares all of them.
    await projectionsCaughtUp(baseUrl);

    // A token signed with the wrong key is refused, and neither it nor any secret is logged.
    const forged = await testToken('supervisor');
    const tampered = `${forged.slice(0, -4)}AAAA`;
    await expect(
      http(baseUrl, 'GET', `/cases/${caseId}`, { token: tampered }).then((a) => a.status),
    ).resolves.toBe(401);

    up.child.kill('SIGTERM');
    await expect(up.exited).resolves.toBe(0);
    const logs = up.output();
    expect(logs).toContain('[up] stopped');
    for (const secret of [
      TEST_AUTH_SECRET,
      config.personalData.masterKey.toString('base64'),
      config.personalData.identityHashKey.toString('base64'),
      forged,
      tampered,
    ]) {
      expect(logs).not.toContain(secret);
    }
    await expect(portAnswers(port)).resolves.toBe(false);
    // No connection is left open. A backend whose process has just exited (one still
    // authenticating when its pool closed, say) ends a moment later, when Postgres reads the
    // closed socket: waited for, not raced.
    const db = new Client({ connectionString: database.url });
    await db.connect();
    const left = await eventually(
      async () => {
        const { rows } = await db.query<{ application_name: string }>(
          `SELECT application_name FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid()`,
        );
        return rows.length === 0 ? rows : undefined;
      },
      { timeoutMs: 5000, what: "the services' connections to end" },
    ).finally(() => db.end());
    expect(left).toEqual([]);
  });

  it('rebuilds the read models from the topic: exit 0 when they equal the live ones, 3 when not', async () => {
    const rebuild = () => runCli(['rebuild'], up.env);
    const equal = await rebuild();
    expect(equal.output).toContain('the rebuilt read models equal the live ones');
    expect(equal.code).toBe(0);

    const db = new Client({ connectionString: database.url });
    await db.connect();
    await db.query(`UPDATE read_model.cases SET summary = 'Altered.' WHERE case_id = $1`, [caseId]);
    const differs = await rebuild();
    const schemas = await db.query(
      `SELECT nspname FROM pg_namespace WHERE nspname LIKE 'read_model_rebuild%'`,
    );
    await db.end();
    expect(differs.output).toContain('cases: 1 rows only in read_model, 1 only in the rebuild');
    expect(differs.code).toBe(3);
    // The rebuilt schemas are dropped again.
    expect(schemas.rows).toEqual([]);
  });

  it('verifies the stored history: exit 0 when intact, 4 naming the first break when altered', async () => {
    const verify = () => runCli(['verify'], up.env);
    const intact = await verify();
    expect(intact.output).toContain('1 events in 1 streams, 1 sealed, 0 not yet published');
    expect(intact.output).toContain('compared the last message of 1 partitions with the store');
    expect(intact.output).toMatch(/intact\n$/);
    expect(intact.code).toBe(0);

    const db = new Client({ connectionString: database.url });
    await db.connect();
    // As a superuser could: past the append-only trigger.
    await db.query('BEGIN');
    await db.query('SET LOCAL session_replication_role = replica');
    const { rows } = await db.query<{ position: string }>(
      `UPDATE event_store.events SET data = jsonb_set(data, '{borderSection}', '"Metlika"')
        WHERE stream_id = $1 RETURNING position::text AS position`,
      [caseId],
    );
    await db.query('COMMIT');
    await db.end();
    const altered = await verify();
    expect(altered.output).toContain(
      `BROKEN: event-altered, position ${rows[0].position}, stream ${caseId}, version 1`,
    );
    expect(altered.code).toBe(4);
  });
});
