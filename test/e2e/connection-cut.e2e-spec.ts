import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { timeline, validBody } from '../harness/routes';
import { HttpAnswer, http, useSystem } from '../harness/system';
import { eventually } from '../harness/test-env';

/**
 * A request whose database connection is cut while it waits inside its transaction (an
 * operator's pg_terminate_backend, a failover): a 503 with Retry-After, nothing stored, and
 * the same command retried with its Idempotency-Key is stored exactly once.
 */
describe('a database connection cut under a request', () => {
  const sut = useSystem();

  /** Holds what `lock` locks in a transaction of its own while `request` runs into it, then cuts the request's connection. */
  async function cutWhileWaiting(
    lock: { sql: string; params?: unknown[] },
    request: () => Promise<HttpAnswer>,
  ): Promise<HttpAnswer> {
    const admin = new Client({ connectionString: sut.database.url });
    await admin.connect();
    await admin.query('BEGIN');
    try {
      await admin.query(lock.sql, lock.params);
      const answer = request();
      const pid = await eventually(
        async () => {
          const { rows } = await admin.query<{ pid: number }>(
            `SELECT pid FROM pg_stat_activity
              WHERE application_name = 'api' AND datname = current_database()
                AND wait_event_type = 'Lock'`,
          );
          return rows[0]?.pid;
        },
        { what: "the API's statement to wait for the lock" },
      );
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      return await answer;
    } finally {
      await admin.query('COMMIT');
      await admin.end();
    }
  }

  it('a command: 503, nothing stored; its retry is stored once and answered alike after', async () => {
    const key = `cut-${randomUUID()}`;
    const json = validBody('POST /cases', { at: timeline() });
    const send = () =>
      http<{ caseId: string }>(sut.system.baseUrl, 'POST', '/cases', {
        json,
        headers: { 'idempotency-key': key },
      });
    const before = await sut.eventCount();

    const cut = await cutWhileWaiting(
      {
        sql: 'SELECT pg_advisory_xact_lock(hashtextextended($1, 0))',
        params: [`idempotency:test-supervisor:${key}`],
      },
      send,
    );
    expect([cut.status, cut.headers.get('retry-after'), cut.body.code]).toEqual([
      503,
      '5',
      'SERVICE.UNAVAILABLE',
    ]);
    await expect(sut.eventCount()).resolves.toBe(before);

    const retried = await send();
    const again = await send();
    expect([retried.status, again.status]).toEqual([201, 201]);
    expect(again.body.caseId).toBe(retried.body.caseId);
    await expect(sut.eventCount()).resolves.toBe(before + 1);
  });

  it('a query: 503 with Retry-After, then its answer', async () => {
    const opened = await http<{ caseId: string; position: string }>(
      sut.system.baseUrl,
      'POST',
      '/cases',
      { json: validBody('POST /cases', { at: timeline() }) },
    );
    expect(opened.status).toBe(201);
    const read = () =>
      http(
        sut.system.baseUrl,
        'GET',
        `/cases/${opened.body.caseId}?minPosition=${opened.body.position}`,
      );
    // Showing a case logs the consultation first, and each entry updates the log's one head row.
    const cut = await cutWhileWaiting(
      { sql: 'SELECT * FROM audit.consultation_log_head FOR UPDATE' },
      read,
    );
    expect([cut.status, cut.headers.get('retry-after'), cut.body.code]).toEqual([
      503,
      '5',
      'SERVICE.UNAVAILABLE',
    ]);
    const answered = await read();
    expect([answered.status, answered.body.caseId]).toEqual([200, opened.body.caseId]);
  });
});
