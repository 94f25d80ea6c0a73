import { createLogger } from '@app/platform';
import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AddressInfo, Server } from 'node:net';
import { Client } from 'pg';
import { createApiApp } from '../../apps/api/src/api.app';
import { timeline, validBody } from '../harness/routes';
import { http } from '../harness/system';
import { TestDatabase, createTestDatabase, testConfig } from '../harness/test-env';

/**
 * What the API logs when it answers 503: expected while a dependency is away or a read model
 * catches up, retried by the client, so one line at warn saying why, without a stack. The API
 * runs alone here (no relay, no projector), so a read that waits for a position never gets it.
 */
describe('logs of expected unavailability', () => {
  let database: TestDatabase;
  let api: INestApplication;
  let baseUrl: string;
  const written: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    const logger = createLogger('api', 'info', { write: (line: string) => written.push(line) });
    api = await createApiApp(testConfig(database.url, { READ_WAIT_MAX_MS: '100' }), { logger });
    await api.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${((api.getHttpServer() as Server).address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await api?.close();
    await database?.drop();
  });

  const linesOf = (correlationId: string) =>
    written
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((line) => line.correlationId === correlationId);

  it('a read model behind: one line at warn, with its code and no stack', async () => {
    const opened = await http<{ caseId: string; position: string }>(baseUrl, 'POST', '/cases', {
      json: validBody('POST /cases', { at: timeline() }),
    });
    expect(opened.status).toBe(201);
    const correlationId = randomUUID();
    const behind = await http(
      baseUrl,
      'GET',
      `/cases/${opened.body.caseId}?minPosition=${opened.body.position}`,
      { headers: { 'x-correlation-id': correlationId } },
    );
    expect(behind.status).toBe(503);
    const lines = linesOf(correlationId);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        code: 'READ_MODEL.BEHIND',
        msg: `GET /cases/${opened.body.caseId} 503`,
      }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/stack|\n\s+at /);
  });

  it('the database gone: one line at warn naming the cause, and no error', async () => {
    const name = new URL(database.url).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    const correlationId = randomUUID();
    try {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      const answer = await http(baseUrl, 'GET', '/cases', {
        headers: { 'x-correlation-id': correlationId },
      });
      expect([answer.status, answer.headers.get('retry-after')]).toEqual([503, '5']);
      expect(answer.body).toMatchObject({ code: 'SERVICE.UNAVAILABLE' });
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
    }
    const lines = linesOf(correlationId);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        code: 'SERVICE.UNAVAILABLE',
        cause: expect.stringMatching(/terminat|not allow|connect/i),
        msg: 'GET /cases 503',
      }),
    ]);
    expect(JSON.stringify(lines)).not.toMatch(/stack|\n\s+at /);
  });
});
