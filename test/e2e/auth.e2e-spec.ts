import { randomUUID } from 'node:crypto';
import {
  OTHER_SECRET,
  bearer,
  forge,
  nowSeconds,
  tamperedToken,
  unsignedToken,
} from '../harness/forged-tokens';
import { RawAnswer, raw } from '../harness/raw-http';
import { RunningSystem, http, startSystem, useSystem } from '../harness/system';
import { testConfig, testToken } from '../harness/test-env';

const validCase = {
  directorate: 'koper',
  borderSection: 'Socerb',
  offenceParagraph: 2,
  openedAt: '2024-05-02T03:40:00+02:00',
  summary: 'Car with 4 migrants stopped near Socerb.',
};

const CHALLENGE = 'Bearer realm="smuggling-cases"';
const INVALID_TOKEN_CHALLENGE = 'Bearer realm="smuggling-cases", error="invalid_token"';

/** Authorization header values that must not authenticate anyone, with the code they get. */
const BAD_CREDENTIALS: ReadonlyArray<
  readonly [label: string, header: () => Promise<string>, code: string]
> = [
  // Beyond the 5 s clock tolerance.
  ['an expired token', () => bearer(forge({ exp: nowSeconds() - 60 })), 'AUTH.TOKEN_EXPIRED'],
  // The signature is checked first: a forged token learns nothing about its expiry.
  [
    'an expired token signed with another secret',
    () => bearer(forge({ exp: nowSeconds() - 60, secret: OTHER_SECRET })),
    'AUTH.TOKEN_INVALID',
  ],
  ['an unsigned token (alg none)', () => bearer(unsignedToken()), 'AUTH.TOKEN_INVALID'],
  [
    'a token signed with another secret',
    () => bearer(forge({ secret: OTHER_SECRET })),
    'AUTH.TOKEN_INVALID',
  ],
  // Right key, algorithm not configured.
  ['a token signed with HS512', () => bearer(forge({ alg: 'HS512' })), 'AUTH.TOKEN_INVALID'],
  ['a token whose payload was altered', () => bearer(tamperedToken()), 'AUTH.TOKEN_INVALID'],
  [
    'a token from another issuer',
    () => bearer(forge({ issuer: 'https://idp.evil.example' })),
    'AUTH.TOKEN_INVALID',
  ],
  ['a token without an issuer', () => bearer(forge({ issuer: null })), 'AUTH.TOKEN_INVALID'],
  [
    'a token for another audience',
    () => bearer(forge({ audience: 'another-api' })),
    'AUTH.TOKEN_INVALID',
  ],
  ['a token without exp', () => bearer(forge({ exp: null })), 'AUTH.TOKEN_INVALID'],
  ['a token without a subject', () => bearer(forge({ subject: null })), 'AUTH.TOKEN_INVALID'],
  [
    'a token not valid until later (nbf)',
    () => bearer(forge({ nbf: nowSeconds() + 600 })),
    'AUTH.TOKEN_INVALID',
  ],
  [
    'a token with an unknown role',
    () => bearer(forge({ claims: { role: 'admin' } })),
    'AUTH.TOKEN_INVALID',
  ],
  [
    'an investigator token without a directorate',
    () => bearer(forge({ claims: { role: 'investigator' } })),
    'AUTH.TOKEN_INVALID',
  ],
  [
    'a token with an unknown directorate',
    () => bearer(forge({ claims: { role: 'investigator', directorate: 'zagreb' } })),
    'AUTH.TOKEN_INVALID',
  ],
  ['"Bearer" without a token', () => Promise.resolve('Bearer'), 'AUTH.TOKEN_INVALID'],
  ['"Basic xyz"', () => Promise.resolve('Basic xyz'), 'AUTH.TOKEN_INVALID'],
  ['"Bearer a.b"', () => Promise.resolve('Bearer a.b'), 'AUTH.TOKEN_INVALID'],
  ['"Bearer a.b.c"', () => Promise.resolve('Bearer a.b.c'), 'AUTH.TOKEN_INVALID'],
  ['garbage', () => Promise.resolve('%%garbage%% !!'), 'AUTH.TOKEN_INVALID'],
  ['an empty header', () => Promise.resolve(''), 'AUTH.TOKEN_INVALID'],
];

function expectUnauthenticated(answer: RawAnswer, code: string): void {
  expect({ status: answer.status, code: answer.body?.code }).toEqual({ status: 401, code });
  expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(answer.body).toMatchObject({ status: 401, type: `urn:problem:${code}` });
  expect(answer.headers.get('www-authenticate')).toBe(
    code === 'AUTH.TOKEN_MISSING' ? CHALLENGE : INVALID_TOKEN_CHALLENGE,
  );
}

function hasKey(value: unknown, key: string): boolean {
  if (value === null || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k === key || hasKey(v, key));
}

/** An error answer tells the caller what went wrong, never how the server is built. */
function expectNoInternals(answer: RawAnswer): void {
  expect(answer.body).toBeDefined();
  expect(hasKey(answer.body, 'stack')).toBe(false);
  expect(answer.text).not.toMatch(/at .*\.(ts|js):\d+|SELECT|INSERT|node_modules/);
}

describe('authentication, headers and rate limits through HTTP', () => {
  const sut = useSystem();
  const { eventCount } = sut;

  const metadataOf = async (caseId: string) =>
    (
      await sut.db.query<{ metadata: Record<string, unknown> }[]>(
        'SELECT metadata FROM event_store.events WHERE stream_id = $1 ORDER BY version',
        [caseId],
      )
    ).map((row) => row.metadata);

  describe('bad credentials', () => {
    it('accepts a well-formed forged token, so each refusal below is for its one defect', async () => {
      const answer = await raw(sut.system.baseUrl, 'GET', `/cases/${randomUUID()}`, {
        headers: { authorization: await bearer(forge()) },
      });
      expect(answer.status).toBe(404);
      expect(answer.body?.code).toBe('CASE.NOT_FOUND');
    });

    it('takes the scheme name in any case, as HTTP says', async () => {
      const answer = await raw(sut.system.baseUrl, 'GET', `/cases/${randomUUID()}`, {
        headers: { authorization: `bearer ${await forge()}` },
      });
      expect(answer.status).toBe(404);
    });

    it('accepts a token expired for less than the clock tolerance', async () => {
      const answer = await raw(sut.system.baseUrl, 'GET', `/cases/${randomUUID()}`, {
        headers: { authorization: await bearer(forge({ exp: nowSeconds() - 2 })) },
      });
      expect(answer.status).toBe(404);
    });

    const requests = [
      { method: 'GET', path: () => `/cases/${randomUUID()}`, body: undefined },
      { method: 'POST', path: () => '/cases', body: JSON.stringify(validCase) },
    ];
    it.each(
      BAD_CREDENTIALS.flatMap(([label, header, code]) =>
        requests.map(
          (request) => [label, `${request.method} /cases`, header, code, request] as const,
        ),
      ),
    )(
      'refuses %s on %s with 401 and stores nothing',
      async (_label, _route, header, code, request) => {
        const before = await eventCount();
        const answer = await raw(sut.system.baseUrl, request.method, request.path(), {
          headers: { authorization: await header(), 'content-type': 'application/json' },
          body: request.body,
        });

        expectUnauthenticated(answer, code);
        expectNoInternals(answer);
        expect(await eventCount()).toBe(before);
      },
    );
  });

  describe('anonymous requests', () => {
    it.each([
      ['malformed JSON', '{"directorate":', 400, 'REQUEST.MALFORMED_JSON'],
      [
        'a body over the size limit',
        JSON.stringify({ ...validCase, summary: 'x'.repeat(70_000) }),
        413,
        'REQUEST.TOO_LARGE',
      ],
    ])(
      'refuses a POST with %s as 401, not as the parser would',
      async (_label, body, parserStatus, parserCode) => {
        const before = await eventCount();
        const anonymous = await raw(sut.system.baseUrl, 'POST', '/cases', {
          headers: { 'content-type': 'application/json' },
          body,
        });
        expectUnauthenticated(anonymous, 'AUTH.TOKEN_MISSING');

        // Control: with a token the same body does reach the parser.
        const authenticated = await raw(sut.system.baseUrl, 'POST', '/cases', {
          headers: {
            'content-type': 'application/json',
            authorization: await bearer(testToken('supervisor')),
          },
          body,
        });
        expect(authenticated.status).toBe(parserStatus);
        expect(authenticated.body?.code).toBe(parserCode);
        expectNoInternals(authenticated);
        expect(await eventCount()).toBe(before);
      },
    );

    it('refuses a POST of a body that is not JSON as 401, not 415', async () => {
      const answer = await raw(sut.system.baseUrl, 'POST', '/cases', {
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'directorate=koper',
      });
      expectUnauthenticated(answer, 'AUTH.TOKEN_MISSING');
    });

    it('refuses an anonymous DELETE before routing (401, not 404)', async () => {
      const answer = await raw(sut.system.baseUrl, 'DELETE', `/cases/${randomUUID()}`);
      expectUnauthenticated(answer, 'AUTH.TOKEN_MISSING');
    });

    it('refuses an anonymous GET of a case with AUTH.TOKEN_MISSING', async () => {
      const answer = await raw(sut.system.baseUrl, 'GET', `/cases/${randomUUID()}`);
      expectUnauthenticated(answer, 'AUTH.TOKEN_MISSING');
      expectNoInternals(answer);
    });

    it('answers GET /health/live without a token', async () => {
      const answer = await raw(sut.system.baseUrl, 'GET', '/health/live');
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({ status: 'ok' });
    });
  });

  describe('the actor on events', () => {
    it("stores the investigator's subject, role and directorate with the event", async () => {
      const token = await testToken('investigator', 'koper', { subject: 'inv-koper-42' });
      const created = await http(sut.system.baseUrl, 'POST', '/cases', { json: validCase, token });
      expect(created.status).toBe(201);

      expect(await metadataOf(created.body.caseId as string)).toEqual([
        {
          actorId: 'inv-koper-42',
          role: 'investigator',
          directorate: 'koper',
          correlationId: expect.any(String),
          causationId: expect.any(String),
          commandId: expect.any(String),
          idempotencyKey: null,
        },
      ]);
    });

    it("stores a supervisor's subject with no directorate", async () => {
      const token = await testToken('supervisor', undefined, { subject: 'sup-hq-7' });
      const created = await http(sut.system.baseUrl, 'POST', '/cases', { json: validCase, token });
      expect(created.status).toBe(201);

      const [metadata] = await metadataOf(created.body.caseId as string);
      expect(metadata).toMatchObject({
        actorId: 'sup-hq-7',
        role: 'supervisor',
        directorate: null,
      });
    });
  });

  describe('idempotency keys', () => {
    it("keeps each user's keys apart and replays a user's own retry", async () => {
      const alice = await testToken('investigator', 'koper', { subject: `alice-${randomUUID()}` });
      const bob = await testToken('investigator', 'koper', { subject: `bob-${randomUUID()}` });
      const key = `open-${randomUUID()}`;
      const send = (token: string) =>
        http(sut.system.baseUrl, 'POST', '/cases', {
          json: validCase,
          headers: { 'idempotency-key': key },
          token,
        });
      const before = await eventCount();

      const first = await send(alice);
      const other = await send(bob);
      expect([first.status, other.status]).toEqual([201, 201]);
      expect(other.body.caseId).not.toBe(first.body.caseId);
      expect(await eventCount()).toBe(before + 2);

      const retry = await send(alice);
      const otherRetry = await send(bob);
      expect([retry.status, otherRetry.status]).toEqual([201, 201]);
      expect(retry.body).toEqual(first.body);
      expect(otherRetry.body).toEqual(other.body);
      expect(await eventCount()).toBe(before + 2);

      // Each case records who opened it.
      expect((await metadataOf(first.body.caseId as string))[0]).toMatchObject({
        actorId: expect.stringMatching(/^alice-/),
        idempotencyKey: key,
      });
      expect((await metadataOf(other.body.caseId as string))[0]).toMatchObject({
        actorId: expect.stringMatching(/^bob-/),
        idempotencyKey: key,
      });
    });
  });

  describe('security headers', () => {
    it.each([
      ['a public 200', 'GET', '/health/live', false, 200],
      ['a 401', 'GET', `/cases/${randomUUID()}`, false, 401],
      ['an unknown route', 'GET', '/nowhere', true, 404],
      ['a case that does not exist', 'GET', `/cases/${randomUUID()}`, true, 404],
    ])('sets helmet headers on %s', async (_label, method, path, withToken, status) => {
      const answer = await raw(sut.system.baseUrl, method, path, {
        headers: withToken ? { authorization: await bearer(testToken('auditor')) } : {},
      });
      expect(answer.status).toBe(status);
      expect(answer.headers.get('x-content-type-options')).toBe('nosniff');
      expect(answer.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
      expect(answer.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      expect(answer.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      expect(answer.headers.get('referrer-policy')).toBe('no-referrer');
      expect(answer.headers.get('x-powered-by')).toBeNull();
    });
  });

  describe('CORS', () => {
    const allowed = 'https://cases.police.example';
    const evil = 'https://evil.example';
    const preflight = (baseUrl: string, origin: string) =>
      raw(baseUrl, 'OPTIONS', '/cases', {
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization, content-type',
        },
      });

    it('is closed by default: no origin is allowed, not even on a preflight', async () => {
      const simple = await raw(sut.system.baseUrl, 'GET', '/health/live', {
        headers: { origin: evil },
      });
      expect(simple.status).toBe(200);
      expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      expect(simple.headers.get('access-control-allow-credentials')).toBeNull();

      const options = await preflight(sut.system.baseUrl, evil);
      expect(options.headers.get('access-control-allow-origin')).toBeNull();
      expect(options.headers.get('access-control-allow-methods')).toBeNull();

      // Even the origin another deployment allows gets nothing here.
      const configuredElsewhere = await preflight(sut.system.baseUrl, allowed);
      expect(configuredElsewhere.headers.get('access-control-allow-origin')).toBeNull();
    });

    describe('with CORS_ORIGINS configured', () => {
      let corsSystem: RunningSystem;

      beforeAll(async () => {
        corsSystem = await startSystem(testConfig(sut.database.url, { CORS_ORIGINS: allowed }));
      });

      afterAll(async () => {
        await corsSystem?.stop();
      });

      it('allows the configured origin, on a preflight and on the request itself', async () => {
        const options = await preflight(corsSystem.baseUrl, allowed);
        expect(options.status).toBe(204);
        expect(options.headers.get('access-control-allow-origin')).toBe(allowed);
        expect(options.headers.get('access-control-allow-methods')).toMatch(/\bPOST\b/);

        const created = await raw(corsSystem.baseUrl, 'POST', '/cases', {
          headers: {
            origin: allowed,
            'content-type': 'application/json',
            authorization: await bearer(testToken('supervisor')),
          },
          body: JSON.stringify(validCase),
        });
        expect(created.status).toBe(201);
        expect(created.headers.get('access-control-allow-origin')).toBe(allowed);
        expect(created.headers.get('access-control-expose-headers')).toBe(
          'ETag,Location,Retry-After,WWW-Authenticate,X-Correlation-Id',
        );

        // A browser client must be able to read why it was refused.
        const refused = await raw(corsSystem.baseUrl, 'GET', `/cases/${randomUUID()}`, {
          headers: { origin: allowed },
        });
        expect(refused.status).toBe(401);
        expect(refused.headers.get('access-control-allow-origin')).toBe(allowed);
      });

      it('still allows no other origin', async () => {
        const options = await preflight(corsSystem.baseUrl, evil);
        expect(options.headers.get('access-control-allow-origin')).toBeNull();

        const simple = await raw(corsSystem.baseUrl, 'GET', '/health/live', {
          headers: { origin: evil },
        });
        expect(simple.status).toBe(200);
        expect(simple.headers.get('access-control-allow-origin')).toBeNull();
      });
    });
  });

  describe('rate limit of 5 a minute', () => {
    let limited: RunningSystem;

    beforeAll(async () => {
      limited = await startSystem(testConfig(sut.database.url, { RATE_LIMIT_PER_MINUTE: '5' }));
    });

    afterAll(async () => {
      await limited?.stop();
    });

    const userToken = (name: string) =>
      testToken('investigator', 'koper', { subject: `${name}-${randomUUID()}` });
    const openCase = async (token: string) =>
      raw(limited.baseUrl, 'POST', '/cases', {
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify(validCase),
      });

    it("refuses a user's 6th request with 429 and Retry-After, and stores nothing for it", async () => {
      const alice = await userToken('alice');
      const before = await eventCount();

      const answers: RawAnswer[] = [];
      for (let i = 0; i < 6; i++) answers.push(await openCase(alice));

      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 429]);
      expect(answers.map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual([
        '4',
        '3',
        '2',
        '1',
        '0',
        null,
      ]);
      const refused = answers[5];
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.body).toMatchObject({
        status: 429,
        code: 'REQUEST.RATE_LIMITED',
        type: 'urn:problem:REQUEST.RATE_LIMITED',
        instance: '/cases',
      });
      // The limiter blocks for its whole 60 s window from the refused request on.
      expect(refused.headers.get('retry-after')).toBe('60');
      expectNoInternals(refused);
      expect(await eventCount()).toBe(before + 5);

      // Still blocked: not a one-off.
      expect((await openCase(alice)).status).toBe(429);
      expect(await eventCount()).toBe(before + 5);
    });

    it('limits each user on their own: another user still gets through', async () => {
      const carol = await userToken('carol');
      const dave = await userToken('dave');
      for (let i = 0; i < 6; i++) await openCase(carol);
      expect((await openCase(carol)).status).toBe(429);

      const other = await openCase(dave);
      expect(other.status).toBe(201);
    });

    it('never limits the health probes, with or without a token', async () => {
      const erin = await userToken('erin');
      for (let i = 0; i < 6; i++) await openCase(erin);
      expect((await openCase(erin)).status).toBe(429);

      const statuses: number[] = [];
      for (let i = 0; i < 10; i++) {
        statuses.push((await raw(limited.baseUrl, 'GET', '/health/live')).status);
        statuses.push(
          (
            await raw(limited.baseUrl, 'GET', '/health/live', {
              headers: { authorization: `Bearer ${erin}` },
            })
          ).status,
        );
      }
      expect(statuses).toEqual(Array(20).fill(200));
    });

    it("counts a user's requests over all routes together, as the README says", async () => {
      const frank = await userToken('frank');
      const statuses: number[] = [];
      for (let i = 0; i < 3; i++) {
        statuses.push((await openCase(frank)).status);
        statuses.push(
          (
            await raw(limited.baseUrl, 'GET', `/cases/${randomUUID()}`, {
              headers: { authorization: `Bearer ${frank}` },
            })
          ).status,
        );
      }
      // Six requests in the minute: the sixth is one too many, whichever route it took.
      expect(statuses).toEqual([201, 404, 201, 404, 201, 429]);
    });
  });

  describe('error bodies', () => {
    it.each([
      ['a 401', 'GET', `/cases/${randomUUID()}`, undefined, 401],
      ['a 404 for a case', 'GET', `/cases/${randomUUID()}`, 'supervisor', 404],
      ['a 404 for a route', 'GET', '/nowhere', 'supervisor', 404],
      ['a 400 for an id', 'GET', '/cases/not-a-uuid', 'supervisor', 400],
    ] as const)('carry no stack and no SQL: %s', async (_label, method, path, role, status) => {
      const answer = await raw(sut.system.baseUrl, method, path, {
        headers: role ? { authorization: await bearer(testToken(role)) } : {},
      });
      expect(answer.status).toBe(status);
      expectNoInternals(answer);
    });

    it('carry no stack and no SQL: a 400 for a body', async () => {
      const answer = await raw(sut.system.baseUrl, 'POST', '/cases', {
        headers: {
          'content-type': 'application/json',
          authorization: await bearer(testToken('supervisor')),
        },
        body: JSON.stringify({ ...validCase, offenceParagraph: '3' }),
      });
      expect(answer.status).toBe(400);
      expect(answer.body?.code).toBe('REQUEST.VALIDATION_FAILED');
      expectNoInternals(answer);
    });
  });
});
