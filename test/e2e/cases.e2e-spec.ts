import { EventHeaders } from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { AddressInfo, Server } from 'node:net';
import { Client } from 'pg';
import { readWholeTopic } from '../harness/kafka-reader';
import { http, startSystem, useSystem } from '../harness/system';
import { createTestDatabase, eventually, testConfig, testToken } from '../harness/test-env';

const validCase = {
  directorate: 'novo-mesto',
  borderSection: 'Obrežje',
  offenceParagraph: 3,
  openedAt: '2024-03-13T22:15:00+01:00',
  summary: 'Van with 12 migrants stopped near Obrežje; driver arrested.',
};

describe('cases through HTTP', () => {
  const sut = useSystem();
  const { eventCount } = sut;
  const post = (json: unknown, headers: Record<string, string> = {}) =>
    http(sut.system.baseUrl, 'POST', '/cases', { json, headers });

  it('opens a case, projects it through Kafka, and answers it on GET', async () => {
    const correlationId = `corr-${randomUUID()}`;
    const created = await http(sut.system.baseUrl, 'POST', '/cases', {
      json: validCase,
      headers: { 'x-correlation-id': correlationId },
      token: await testToken('investigator', 'novo-mesto', { subject: 'inv-nm-17' }),
    });

    expect(created.status).toBe(201);
    const caseId = created.body.caseId as string;
    expect(created.body).toEqual({ caseId, version: 1, position: expect.stringMatching(/^\d+$/) });
    expect(created.headers.get('location')).toBe(`/cases/${caseId}`);
    expect(created.headers.get('etag')).toBe('"1"');
    expect(created.headers.get('x-correlation-id')).toBe(correlationId);

    const projected = await eventually(
      async () => {
        const answer = await http(sut.system.baseUrl, 'GET', `/cases/${caseId}`);
        return answer.status === 200 ? answer : undefined;
      },
      { what: 'the case to be projected' },
    );
    expect(projected.body).toEqual({
      caseId,
      directorate: 'novo-mesto',
      borderSection: 'Obrežje',
      offence: { article: 308, paragraph: 3 },
      status: 'open',
      summary: validCase.summary,
      openedAt: '2024-03-13T21:15:00.000Z',
      jointOperations: [],
      suspects: 0,
      migrants: 0,
      inCustody: 0,
      complaintFiledAt: null,
      referredAt: null,
      closedAt: null,
      persons: [],
      version: 1,
      position: created.body.position,
    });

    const messages = await readWholeTopic(sut.config.kafka.brokers, sut.config.kafka.topic);
    const message = messages.find((m) => m.envelope.streamId === caseId);
    expect(message?.key).toBe(caseId);
    expect(message?.headers).toMatchObject({
      [EventHeaders.type]: 'case.opened',
      [EventHeaders.schemaVersion]: '1',
      [EventHeaders.contentType]: 'application/json',
      [EventHeaders.streamId]: caseId,
      [EventHeaders.streamVersion]: '1',
      [EventHeaders.correlationId]: correlationId,
    });
    expect(message?.envelope).toEqual({
      type: 'case.opened',
      schemaVersion: 1,
      eventId: message?.headers[EventHeaders.eventId],
      streamId: caseId,
      streamType: 'case',
      streamVersion: 1,
      position: created.body.position,
      occurredAt: '2024-03-13T21:15:00.000Z',
      recordedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: {
        caseId,
        directorate: 'novo-mesto',
        borderSection: 'Obrežje',
        offence: { article: 308, paragraph: 3 },
        summary: validCase.summary,
      },
      metadata: {
        actorId: 'inv-nm-17',
        role: 'investigator',
        directorate: 'novo-mesto',
        correlationId,
        causationId: expect.any(String),
        commandId: expect.any(String),
        idempotencyKey: null,
      },
      // The stream's hash chain as stored: the topic keeps a copy the store must still match.
      hash: (
        await sut.db.query<{ hash: string }[]>(
          `SELECT encode(hash, 'hex') AS hash FROM event_store.events WHERE stream_id = $1`,
          [caseId],
        )
      )[0].hash,
    });
  });

  it('answers a retried command with the first answer and stores one event', async () => {
    const before = await eventCount();
    const key = `open-${randomUUID()}`;
    const first = await post(validCase, { 'idempotency-key': key });
    // Same request, keys in another order: the same command.
    const reordered = Object.fromEntries(Object.entries(validCase).reverse());
    const retry = await post(reordered, { 'idempotency-key': key });

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(await eventCount()).toBe(before + 1);

    const reused = await post(
      { ...validCase, summary: 'something else' },
      { 'idempotency-key': key },
    );
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
    expect(await eventCount()).toBe(before + 1);
  });

  const { directorate: _omitted, ...withoutDirectorate } = validCase;
  it.each([
    ['a missing field', withoutDirectorate, 400, 'REQUEST.VALIDATION_FAILED'],
    [
      'an unknown directorate',
      { ...validCase, directorate: 'zagreb' },
      400,
      'REQUEST.VALIDATION_FAILED',
    ],
    [
      'a number sent as a string',
      { ...validCase, offenceParagraph: '3' },
      400,
      'REQUEST.VALIDATION_FAILED',
    ],
    [
      'a paragraph Art. 308 does not have',
      { ...validCase, offenceParagraph: 9 },
      400,
      'REQUEST.VALIDATION_FAILED',
    ],
    ['an unknown property', { ...validCase, isAdmin: true }, 400, 'REQUEST.VALIDATION_FAILED'],
    [
      'a time without an offset',
      { ...validCase, openedAt: '2024-03-13T22:15:00' },
      400,
      'REQUEST.VALIDATION_FAILED',
    ],
    [
      'an overlong summary',
      { ...validCase, summary: 'x'.repeat(2001) },
      400,
      'REQUEST.VALIDATION_FAILED',
    ],
    ['an array instead of an object', [validCase], 400, 'REQUEST.VALIDATION_FAILED'],
    [
      'a time in the future',
      { ...validCase, openedAt: '2099-01-01T00:00:00Z' },
      422,
      'TIME.IN_FUTURE',
    ],
    ['a blank summary', { ...validCase, summary: '   ' }, 422, 'CASE.INVALID_SUMMARY'],
  ])(
    'refuses %s with a problem response and stores nothing',
    async (_label, json, status, code) => {
      const before = await eventCount();
      const answer = await post(json);

      expect(answer.status).toBe(status);
      expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(answer.body).toMatchObject({
        status,
        code,
        type: `urn:problem:${code}`,
        instance: '/cases',
      });
      expect(await eventCount()).toBe(before);
    },
  );

  it.each([
    [
      'malformed JSON',
      { body: '{"directorate":', headers: { 'content-type': 'application/json' } },
      400,
      'REQUEST.MALFORMED_JSON',
    ],
    [
      'a body that is not JSON',
      {
        body: 'directorate=koper',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      },
      415,
      'REQUEST.UNSUPPORTED_MEDIA_TYPE',
    ],
    [
      'a body over the size limit',
      { json: { ...validCase, summary: 'x'.repeat(70_000) } },
      413,
      'REQUEST.TOO_LARGE',
    ],
    [
      'a malformed Idempotency-Key',
      { json: validCase, headers: { 'idempotency-key': 'bad key!' } },
      400,
      'REQUEST.VALIDATION_FAILED',
    ],
  ])('refuses %s and stores nothing', async (_label, init, status, code) => {
    const before = await eventCount();
    const answer = await http(sut.system.baseUrl, 'POST', '/cases', init);

    expect(answer.status).toBe(status);
    expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(answer.body.code).toBe(code);
    expect(await eventCount()).toBe(before);
  });

  it('answers 404 for an unknown case and 400 for an id that is not a UUID', async () => {
    const unknown = await http(sut.system.baseUrl, 'GET', `/cases/${randomUUID()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('CASE.NOT_FOUND');

    const malformed = await http(sut.system.baseUrl, 'GET', `/cases/not-a-uuid`);
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('REQUEST.VALIDATION_FAILED');
  });

  it('reports ready when Postgres, the migrations and Kafka are', async () => {
    const answer = await http(sut.system.baseUrl, 'GET', '/health/ready');
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'ok',
      details: {
        postgres: { status: 'up' },
        migrations: { status: 'up' },
        kafka: { status: 'up' },
      },
    });
  });

  it('documents every route with its own operationId at /docs-json', async () => {
    const { body } = await http<{
      paths: Record<string, Record<string, { operationId?: string }>>;
    }>(sut.system.baseUrl, 'GET', '/docs-json');
    const operationIds = Object.values(body.paths).flatMap((operations) =>
      Object.values(operations).map((op) => op.operationId),
    );
    expect(operationIds.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
    expect(new Set(operationIds).size).toBe(operationIds.length);
    expect(operationIds).toEqual(
      expect.arrayContaining(['openCase', 'getCase', 'getLiveness', 'getReadiness']),
    );
    const ui = await fetch(`${sut.system.baseUrl}/docs`);
    expect(ui.status).toBe(200);
  });
});

describe('readiness when Postgres goes away', () => {
  it('answers 503 naming Postgres, and 200 again once it is back', async () => {
    const database = await createTestDatabase();
    const config = testConfig(database.url);
    const system = await startSystem(config);
    const name = new URL(database.url).pathname.slice(1);
    const admin = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await admin.connect();
    try {
      // The database refuses connections and drops the ones it has: as good as down.
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      await admin.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1',
        [name],
      );
      const down = await http(system.baseUrl, 'GET', '/health/ready');
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({
        status: 'error',
        details: { postgres: { status: 'down' } },
      });

      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await eventually(async () =>
        (await http(system.baseUrl, 'GET', '/health/ready')).status === 200 ? true : undefined,
      );
    } finally {
      await admin.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await admin.end();
      await system.stop();
      await database.drop();
    }
  });
});

describe('readiness without Kafka', () => {
  it('answers 503 and names Kafka while the broker cannot be reached', async () => {
    const database = await createTestDatabase();
    // Nothing listens on port 1.
    const { createApiApp } = await import('../../apps/api/src/api.app');
    const api = await createApiApp(testConfig(database.url, { KAFKA_BROKERS: '127.0.0.1:1' }));
    await api.listen(0, '127.0.0.1');
    try {
      const { port } = (api.getHttpServer() as Server).address() as AddressInfo;
      const answer = await http(`http://127.0.0.1:${port}`, 'GET', '/health/ready');
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toBe('5');
      expect(answer.body).toMatchObject({
        status: 'error',
        details: {
          postgres: { status: 'up' },
          migrations: { status: 'up' },
          kafka: { status: 'down' },
        },
      });
    } finally {
      await api.close();
      await database.drop();
    }
  });
});
