import { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { IncomingHttpHeaders, request as httpRequest } from 'node:http';
import { AddressInfo, Server, Socket, connect, createServer } from 'node:net';
import { createApiApp } from '../../apps/api/src/api.app';
import { TIMEOUT_CHECK_INTERVAL_MS } from '../../apps/api/src/http/http-server';
import { ApiMetrics } from '../../apps/api/src/observability/api-metrics';
import { loadHistory } from '../../apps/cli/src/seed/load-history';
import { planHistory, planSize } from '../../apps/cli/src/seed/seed-history';
import { timeline, validBody } from '../harness/routes';
import { http, openCaseWithPeople, useSystem } from '../harness/system';
import { eventually, testConfig, testToken } from '../harness/test-env';

/*
 * HTTP at the edge: what Node and Express answer before a route does (framing, timeouts,
 * connections), the rate limiter that counts every request, and our own client's retries.
 * Requests that fetch would refuse to send, or would repair, go over raw sockets.
 */

interface RawAnswer {
  /** 0 when the server closed the connection without answering. */
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly text: string;
  /** From the last byte written to the server closing the connection. */
  readonly closedAfterMs: number;
}

/** Writes the bytes on a new connection, and reads until the server closes it. */
function exchange(port: number, bytes: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    let wroteAt = 0;
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => {
      // A server that closes with bytes unread resets the connection (after its answer, if
      // any); one that closes at once may do so before the bytes are written.
      if (error.code !== 'ECONNRESET' && error.code !== 'EPIPE') reject(error);
    });
    socket.on('close', () =>
      resolve(parseAnswer(Buffer.concat(received), performance.now() - wroteAt)),
    );
    socket.write(bytes, () => (wroteAt = performance.now()));
  });
}

function parseAnswer(raw: Buffer, closedAfterMs: number): RawAnswer {
  const text = raw.toString('utf8');
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) return { status: 0, headers: {}, text: '', closedAfterMs };
  const [statusLine, ...lines] = text.slice(0, end).split('\r\n');
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return {
    status: Number(statusLine.split(' ')[1]),
    headers,
    text: text.slice(end + 4),
    closedAfterMs,
  };
}

const portOf = (app: INestApplication) =>
  ((app.getHttpServer() as Server).address() as AddressInfo).port;

/** The security headers helmet puts on an ordinary answer, by name. */
const HELMET_HEADERS = [
  'content-security-policy',
  'cross-origin-opener-policy',
  'cross-origin-resource-policy',
  'origin-agent-cluster',
  'referrer-policy',
  'strict-transport-security',
  'x-content-type-options',
  'x-dns-prefetch-control',
  'x-download-options',
  'x-frame-options',
  'x-permitted-cross-domain-policies',
  'x-xss-protection',
];

describe('HTTP at the edge', () => {
  const sut = useSystem();

  /** The API alone (no relay or projector) on the system's database, with these settings. */
  async function startApi(env: Record<string, string>): Promise<INestApplication> {
    const app = await createApiApp(testConfig(sut.database.url, env));
    await app.listen(0, '127.0.0.1');
    return app;
  }

  const port = () => new URL(sut.system.baseUrl).port;
  /** A copy: prom-client hands out its live counters. */
  const refusals = async (app: INestApplication) =>
    (
      await app.get(ApiMetrics).registry.getSingleMetric('smuggling_cases_refusals_total')!.get()
    ).values.map(({ labels, value }) => ({ labels: { ...labels }, value }));

  describe('the Host header (RFC 9112 §3.2)', () => {
    const get = (hostLines: string) =>
      exchange(
        Number(port()),
        `GET /health/live HTTP/1.1\r\n${hostLines}Connection: close\r\n\r\n`,
      );

    it('serves a request with one Host', async () => {
      expect((await get('Host: 127.0.0.1\r\n')).status).toBe(200);
    });

    it.each([
      ['two Host headers', 'Host: 127.0.0.1\r\nHost: evil.example\r\n'],
      ['two equal Host headers', 'Host: 127.0.0.1\r\nHost: 127.0.0.1\r\n'],
      ['a Host that is not a host', 'Host: evil.example/path?x\r\n'],
    ])('refuses %s with 400 REQUEST.MALFORMED, as a problem', async (_, hostLines) => {
      const answer = await get(hostLines);
      expect(answer.status).toBe(400);
      expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(JSON.parse(answer.text)).toMatchObject({
        status: 400,
        code: 'REQUEST.MALFORMED',
        instance: '/health/live',
      });
    });
  });

  it("never echoes the query in a problem's instance", async () => {
    const answers = await Promise.all([
      http(sut.system.baseUrl, 'GET', '/cases/not-a-uuid?token=s3cret&x=1'),
      http(sut.system.baseUrl, 'GET', '/nowhere?password=s3cret'),
      http(sut.system.baseUrl, 'POST', '/cases?api_key=s3cret', { token: null, json: {} }),
      http(sut.system.baseUrl, 'POST', '/cases?api_key=s3cret', {
        body: '{',
        headers: { 'content-type': 'application/json' },
      }),
    ]);
    expect(answers.map((a) => [a.status, a.body.instance])).toEqual([
      [400, '/cases/not-a-uuid'],
      [404, '/nowhere'],
      [401, '/cases'],
      [400, '/cases'],
    ]);
    expect(JSON.stringify(answers.map((a) => a.body))).not.toContain('s3cret');
  });

  describe('what Node refuses before Express sees it', () => {
    it.each([
      ['a request line that is not HTTP', 'GARBAGE\r\n\r\n', 400, 'REQUEST.MALFORMED'],
      [
        'a header name with a space',
        'GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header: x\r\n\r\n',
        400,
        'REQUEST.MALFORMED',
      ],
      [
        'both Content-Length and Transfer-Encoding (request smuggling)',
        'POST /cases HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 4\r\n' +
          'Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n',
        400,
        'REQUEST.MALFORMED',
      ],
      [
        'headers over 16 kB',
        `GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`,
        431,
        'REQUEST.HEADERS_TOO_LARGE',
      ],
    ])(
      'answers %s as a problem with the security headers, and closes',
      async (_, bytes, status, code) => {
        const ordinary = await http(sut.system.baseUrl, 'GET', '/health/live');
        const before = await refusals(sut.system.api);

        const answer = await exchange(Number(port()), bytes);

        expect(answer.status).toBe(status);
        expect(answer.headers['content-type']).toBe('application/problem+json');
        expect(answer.headers.connection).toBe('close');
        expect(JSON.parse(answer.text)).toEqual({
          type: `urn:problem:${code}`,
          title: expect.any(String) as string,
          status,
          code,
        });
        expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(answer.text));
        for (const name of HELMET_HEADERS) {
          expect([name, answer.headers[name]]).toEqual([name, ordinary.headers.get(name)]);
        }
        // Counted among the refusals, as those Express gives.
        const counted = (values: { labels: Record<string, unknown>; value: number }[]) =>
          values.find((v) => v.labels.code === code && v.labels.status === String(status))?.value ??
          0;
        expect(counted(await refusals(sut.system.api))).toBe(counted(before) + 1);
      },
    );
  });

  it('keeps idle connections longer than clients do, and waits for headers longer still', () => {
    const server = sut.system.api.getHttpServer() as Server & {
      keepAliveTimeout: number;
      headersTimeout: number;
      requestTimeout: number;
    };
    // Node's fetch (undici) closes an idle connection after 4 s, load balancers often after
    // 60 s: the client must be the one to close it, or a request sent at that moment is lost.
    expect([
      server.keepAliveTimeout,
      server.headersTimeout,
      server.requestTimeout,
      server.maxConnections,
    ]).toEqual([65_000, 66_000, 120_000, 1_000]);
  });

  describe('timeouts of 1 s for headers and idle connections, 1.5 s for a request', () => {
    const HEADERS_MS = 1_000;
    const REQUEST_MS = 1_500;
    // Node checks the timeouts once a second; the rest is room for a loaded machine.
    const LATEST = TIMEOUT_CHECK_INTERVAL_MS + 3_000;
    let api: INestApplication;
    let token: string;

    beforeAll(async () => {
      api = await startApi({
        HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_MS),
        HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_MS),
        HTTP_KEEP_ALIVE_TIMEOUT_MS: '1000',
      });
      token = await testToken('supervisor');
    });

    afterAll(async () => {
      await api?.close();
    });

    const post = (headers: string, body: string) =>
      `POST /cases HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Type: application/json\r\n${headers}\r\n${body}`;

    it.each([
      [
        'a body that never ends',
        () => post('Transfer-Encoding: chunked\r\n', '5\r\n{"a":\r\n'),
        REQUEST_MS,
      ],
      [
        'a body shorter than its Content-Length',
        () => post('Content-Length: 100\r\n', '{"a":1}'),
        REQUEST_MS,
      ],
      [
        'headers that never end',
        () => 'GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n',
        HEADERS_MS,
      ],
    ])('cuts off %s with 408 REQUEST.TIMEOUT in time', async (_, bytes, timeoutMs) => {
      const answer = await exchange(portOf(api), bytes());

      expect(answer.status).toBe(408);
      expect(answer.headers['content-type']).toBe('application/problem+json');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
      expect(JSON.parse(answer.text)).toMatchObject({ status: 408, code: 'REQUEST.TIMEOUT' });
      expect(answer.closedAfterMs).toBeGreaterThanOrEqual(timeoutMs - 50);
      expect(answer.closedAfterMs).toBeLessThan(timeoutMs + LATEST);
    });

    it('answers nothing else for a request it cut off: one 408, no 400 or 5xx after it', async () => {
      const before = await refusals(api);
      await exchange(portOf(api), post('Content-Length: 100\r\n', '{"a":1}'));
      const after = await refusals(api);
      const total = (values: typeof before) => values.reduce((n, v) => n + v.value, 0);
      expect(total(after) - total(before)).toBe(1);
      const timeouts = (values: typeof before) =>
        values.find((v) => v.labels.code === 'REQUEST.TIMEOUT')?.value ?? 0;
      expect(timeouts(after) - timeouts(before)).toBe(1);
    });

    it('closes an idle keep-alive connection after HTTP_KEEP_ALIVE_TIMEOUT_MS', async () => {
      const socket = connect(portOf(api), '127.0.0.1');
      let answeredAt = 0;
      const closedAfter = new Promise<number>((resolve) => {
        let text = '';
        socket.on('data', (chunk: Buffer) => {
          text += chunk.toString();
          if (text.endsWith('{"status":"ok"}')) answeredAt = performance.now();
        });
        socket.on('close', () => resolve(performance.now() - answeredAt));
      });
      socket.write('GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
      const idleMs = await closedAfter;
      expect(answeredAt).toBeGreaterThan(0);
      expect(idleMs).toBeGreaterThanOrEqual(950);
      // Node's default is 5 s.
      expect(idleMs).toBeLessThan(4_000);
    });
  });

  describe('a cap of 2 open connections', () => {
    let api: INestApplication;
    const held: Socket[] = [];

    beforeAll(async () => {
      api = await startApi({ HTTP_MAX_CONNECTIONS: '2' });
    });

    afterAll(async () => {
      for (const socket of held) socket.destroy();
      await api?.close();
    });

    const openConnections = () =>
      new Promise<number>((resolve, reject) =>
        (api.getHttpServer() as Server).getConnections((error, count) =>
          error ? reject(error) : resolve(count),
        ),
      );

    it('closes a third connection unanswered, and serves the two it holds', async () => {
      for (let i = 0; i < 2; i++) held.push(connect(portOf(api), '127.0.0.1'));
      await eventually(async () => ((await openConnections()) === 2 ? true : undefined), {
        what: 'the server to hold two connections',
      });

      const third = await exchange(
        portOf(api),
        'GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n',
      );
      expect(third.status).toBe(0);

      const first = await new Promise<string>((resolve) => {
        let text = '';
        held[0].on('data', (chunk: Buffer) => (text += chunk.toString()));
        held[0].on('close', () => resolve(text));
        held[0].write('GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
      });
      expect(first).toMatch(/^HTTP\/1\.1 200 /);
    });
  });

  describe('the rate limit (5 a minute) counts every request', () => {
    let api: INestApplication;

    beforeAll(async () => {
      api = await startApi({ RATE_LIMIT_PER_MINUTE: '5' });
    });

    afterAll(async () => {
      await api?.close();
    });

    interface Answer {
      status: number;
      headers: IncomingHttpHeaders;
      body: { code?: string; instance?: string };
    }

    /** One request on its own connection, from the given loopback address. */
    const send = (
      from: string,
      method: string,
      path: string,
      headers: Record<string, string> = {},
      body?: string,
    ) =>
      new Promise<Answer>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: portOf(api),
            method,
            path,
            headers,
            localAddress: from,
            agent: false,
          },
          (res) => {
            let text = '';
            res.on('data', (chunk: Buffer) => (text += chunk.toString()));
            res.on('end', () =>
              resolve({
                status: res.statusCode!,
                headers: res.headers,
                body: (text.startsWith('{') ? JSON.parse(text) : {}) as Answer['body'],
              }),
            );
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    const statuses = async (answers: Promise<Answer>[]) =>
      (await Promise.all(answers)).map((a) => a.status);
    const sequence = async (requests: (() => Promise<Answer>)[]) => {
      const answers: Answer[] = [];
      for (const next of requests) answers.push(await next());
      return answers;
    };

    it('limits anonymous callers by address, on public routes too, but never the probes', async () => {
      const anonymous = await sequence([
        ...Array.from(
          { length: 5 },
          () => () => send('127.0.0.2', 'GET', `/cases/${randomUUID()}`),
        ),
        () => send('127.0.0.2', 'GET', '/docs-json'),
      ]);
      expect(anonymous.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);
      const refused = anonymous[5];
      expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(refused.headers['retry-after']).toBe('60');
      expect(refused.body).toMatchObject({ code: 'REQUEST.RATE_LIMITED', instance: '/docs-json' });

      // Another address is another caller; the probes and the scrape are never limited.
      expect(await statuses([send('127.0.0.3', 'GET', '/docs-json')])).toEqual([200]);
      expect(
        await statuses([
          send('127.0.0.2', 'GET', '/health/live'),
          send('127.0.0.2', 'GET', '/metrics'),
        ]),
      ).toEqual([200, 200]);
    });

    it('counts requests with a bad token against their address, not against anyone', async () => {
      const bad = [
        'Bearer not-a-jwt',
        'Basic dXNlcjpwYXNz',
        'Bearer eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl',
        'Bearer not-a-jwt',
        'Bearer not-a-jwt',
        'Bearer not-a-jwt',
      ];
      const answers = await sequence(
        bad.map((authorization) => () => send('127.0.0.4', 'GET', '/cases', { authorization })),
      );
      expect(answers.map((a) => a.status)).toEqual([401, 401, 401, 401, 401, 429]);

      // A user whose token verifies, from the same address, is counted on their own.
      const token = await testToken('supervisor', undefined, { subject: `ok-${randomUUID()}` });
      expect(
        await statuses([
          send('127.0.0.4', 'GET', `/cases/${randomUUID()}`, { authorization: `Bearer ${token}` }),
        ]),
      ).toEqual([404]);
    });

    it("counts a user's requests refused before any route: 400, 413, 415, 404", async () => {
      const token = await testToken('investigator', 'koper', { subject: `u-${randomUUID()}` });
      const auth = { authorization: `Bearer ${token}` };
      const json = { ...auth, 'content-type': 'application/json' };
      const validCase = JSON.stringify(
        validBody('POST /cases', { at: timeline() }, { directorate: 'koper' }),
      );
      const answers = await sequence([
        () => send('127.0.0.5', 'POST', '/cases', json, '{'),
        () => send('127.0.0.5', 'POST', '/cases', { ...auth, 'content-type': 'text/plain' }, 'x'),
        () =>
          send(
            '127.0.0.5',
            'POST',
            '/cases',
            json,
            JSON.stringify({ summary: 'x'.repeat(70_000) }),
          ),
        () => send('127.0.0.5', 'POST', '/cases', json, '{"__proto__":{"x":1}}'),
        () => send('127.0.0.5', 'GET', '/nowhere', auth),
        () => send('127.0.0.5', 'POST', '/cases', json, validCase),
      ]);
      expect(answers.map((a) => [a.status, a.body.code])).toEqual([
        [400, 'REQUEST.MALFORMED_JSON'],
        [415, 'REQUEST.UNSUPPORTED_MEDIA_TYPE'],
        [413, 'REQUEST.TOO_LARGE'],
        [400, 'REQUEST.VALIDATION_FAILED'],
        [404, 'ROUTE.NOT_FOUND'],
        [429, 'REQUEST.RATE_LIMITED'],
      ]);
      expect(answers.slice(0, 5).map((a) => a.headers['x-ratelimit-remaining'])).toEqual([
        '4',
        '3',
        '2',
        '1',
        '0',
      ]);
    });
  });

  it('refuses a remand longer than its OpenAPI maximum with 400, before the domain sees it', async () => {
    const { components } = (await http(sut.system.baseUrl, 'GET', '/docs-json')).body as {
      components: { schemas: Record<string, { properties: Record<string, { maximum?: number }> }> };
    };
    const maximum = components.schemas.OrderRemandRequestDto.properties.months.maximum!;
    expect(maximum).toBe(1);

    const c = await openCaseWithPeople(sut.system.baseUrl);
    const before = await sut.eventCount();
    const answer = await http(
      sut.system.baseUrl,
      'POST',
      `/cases/${c.caseId}/persons/${c.suspectId}/remand`,
      {
        json: {
          occurredAt: c.at(3),
          court: 'OS Novo mesto',
          grounds: ['flight-risk'],
          prosecutorOffice: 'ODT',
          proposalReference: 'Kt 1/24',
          months: maximum + 1,
        },
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      code: 'REQUEST.VALIDATION_FAILED',
      errors: [{ field: 'months' }],
    });
    expect(await sut.eventCount()).toBe(before);
  });

  describe('the seed loader, through a network that loses connections', () => {
    let proxy: Server | undefined;
    const sockets = new Set<Socket>();

    afterAll(async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)));
    });

    it('sends a lost request again with the same Idempotency-Key: everything stored once', async () => {
      // The first connection loses the API's answer (the command was stored), the third its
      // request (the command never arrived); the others pass.
      const lost = { answers: 0, requests: 0 };
      let connections = 0;
      proxy = createServer((client) => {
        const index = connections++;
        sockets.add(client);
        client.on('error', () => undefined);
        if (index === 2) {
          client.once('data', () => {
            lost.requests += 1;
            client.resetAndDestroy();
          });
          return;
        }
        const upstream = connect(Number(port()), '127.0.0.1');
        sockets.add(upstream);
        upstream.on('error', () => client.destroy());
        client.on('close', () => upstream.destroy());
        client.pipe(upstream);
        if (index === 0) {
          upstream.once('data', () => {
            lost.answers += 1;
            client.destroy();
          });
        } else {
          upstream.pipe(client);
        }
      });
      await new Promise<void>((resolve) => proxy!.listen(0, '127.0.0.1', resolve));
      const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;

      const plan = planHistory(2024);
      // Three cases of their own, without the procedures (some wait for cases left out here).
      const part = {
        ...plan,
        cases: plan.cases.filter((c) => c.after.length === 0).slice(0, 3),
        procedureGroups: [],
      };
      const size = planSize(part);
      const before = await sut.eventCount();

      const load = await loadHistory(part, {
        baseUrl: proxyUrl,
        token: await testToken('supervisor', undefined, { subject: 'seed-loader' }),
        concurrency: 2,
        idempotencyPrefix: `edge-${randomUUID()}`,
      });

      expect(lost).toEqual({ answers: 1, requests: 1 });
      expect(load.retries).toBe(2);
      expect([load.cases, load.commands]).toEqual([size.cases, size.commands]);
      expect(await sut.eventCount()).toBe(before + size.events);
    });
  });
});
