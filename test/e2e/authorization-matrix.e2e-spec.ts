import { ROLES, Role } from '@app/auth';
import { randomUUID } from 'node:crypto';
import { SAMPLE_REQUESTS, SampleContext, routeTable, timeline } from '../harness/routes';
import { HttpAnswer, http, openCaseWithPeople, useSystem } from '../harness/system';
import { eventually, testToken } from '../harness/test-env';

/**
 * Who may call a route. `public` routes need no token; the others need a token whose role
 * holds the permission. Written out here rather than read from the application's own
 * ROLE_PERMISSIONS, so that a wrong grant in the application fails this test.
 */
type Access =
  | 'public'
  | 'case.read'
  | 'case.write'
  | 'person.read'
  | 'person.erase'
  | 'audit.read'
  | 'breach.read'
  | 'procedure.read'
  | 'procedure.write';

interface Entry {
  readonly access: Access;
  /** The route names a case or a procedure: the caller's directorate must reach it. */
  readonly object: boolean;
  /** For a public route: the one status it must answer, where that does not depend on services. */
  readonly answers?: number;
}

/** The kinds of route, so that each route below reads as one line. */
const PUBLIC: Entry = { access: 'public', object: false };
/** Opening a case: a write that names no case yet. */
const WRITE: Entry = { access: 'case.write', object: false };
/** Reads and writes of one case, which the caller's directorate must reach. */
const READ_CASE: Entry = { access: 'case.read', object: true };
/** Reads across cases, which the handler narrows to the caller's directorate. */
const READ: Entry = { access: 'case.read', object: false };
const WRITE_CASE: Entry = { access: 'case.write', object: true };
const WRITE_PROCEDURE: Entry = { access: 'procedure.write', object: true };

/**
 * One line per route the application serves, keyed as `routeTable` keys them. A route added
 * without a line here, or a line whose route is gone, fails the first test below.
 */
const MATRIX: Readonly<Record<string, Entry>> = {
  // Probes: the orchestrator calls them without a token.
  'GET /health/live': { ...PUBLIC, answers: 200 },
  // 200 or 503 depending on Postgres and Kafka; either way never an authorization refusal.
  'GET /health/ready': PUBLIC,
  'GET /metrics': { ...PUBLIC, answers: 200 },
  // The OpenAPI document and its UI, mounted by SwaggerModule outside Nest's guards; the
  // README serves them at /docs and cases.e2e-spec.ts fetches /docs without a token.
  'GET /docs': PUBLIC,
  'GET /docs/': PUBLIC,
  'GET /docs/index.html': PUBLIC,
  'GET /docs/swagger-ui-init.js': PUBLIC,
  'GET /docs/docs/swagger-ui-init.js': PUBLIC,
  'GET /docs/LICENSE': PUBLIC,
  'GET /docs-json': PUBLIC,
  'GET /docs-yaml': PUBLIC,
  // How the console signs in: no data, no secret.
  'GET /console/settings': { ...PUBLIC, answers: 200 },
  // A local run's console sign-in (off unless CONSOLE_LOCAL_SIGN_IN: 404 here).
  'POST /console/sign-in': PUBLIC,
  // Cases.
  'POST /cases': WRITE,
  'GET /cases/:caseId': READ_CASE,
  'GET /cases': READ,
  'GET /custody-board': READ,
  'GET /custody-board/stale': READ,
  'GET /custody-board/stream': READ,
  'GET /custody-breaches': { access: 'breach.read', object: false },
  'GET /cases/:caseId/timeline': WRITE_CASE,
  'POST /cases/:caseId/withdrawals': WRITE_CASE,
  'GET /statistics': READ,
  'GET /people': READ,
  'GET /people/:personId/personal-data': { access: 'person.read', object: false },
  // Erases the migrant of the shared case: the one cell allowed, so it runs once.
  'POST /people/:personId/erasure': { access: 'person.erase', object: false },
  'GET /audit/consultations': { access: 'audit.read', object: false },
  'GET /audit/integrity': { access: 'audit.read', object: false },
  'GET /projections': READ,
  // Audit: histories and past states, read from the event store.
  'GET /audit/cases/:caseId/history': { access: 'audit.read', object: true },
  'GET /audit/cases/:caseId/state': { access: 'audit.read', object: true },
  'GET /audit/people/:personId/history': { access: 'audit.read', object: false },
  'POST /cases/:caseId/amendments': WRITE_CASE,
  'POST /cases/:caseId/joint-operations': WRITE_CASE,
  'POST /cases/:caseId/criminal-complaints': WRITE_CASE,
  'POST /cases/:caseId/prosecution-referral': WRITE_CASE,
  'POST /cases/:caseId/indictments': WRITE_CASE,
  'POST /cases/:caseId/closure': WRITE_CASE,
  'POST /cases/:caseId/corrections': WRITE_CASE,
  // People.
  'POST /cases/:caseId/arrests': WRITE_CASE,
  'POST /cases/:caseId/apprehensions': WRITE_CASE,
  'POST /cases/:caseId/apprehension-groups': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/identity': WRITE_CASE,
  // Custody.
  'POST /cases/:caseId/persons/:personId/police-detention': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/detention-decision': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/judge-appearance': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/remand': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/remand-service': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/remand-extensions': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/release': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/appeals': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/safeguards': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/detention-place': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/appeal-decisions': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/handover': WRITE_CASE,
  // Protection.
  'POST /cases/:caseId/persons/:personId/asylum-intents': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/asylum-referral': WRITE_CASE,
  'POST /cases/:caseId/persons/:personId/reception-departure': WRITE_CASE,
  // Police procedures with foreigners.
  'POST /procedures': { access: 'procedure.write', object: false },
  'GET /procedures': { access: 'procedure.read', object: false },
  'GET /procedures/:procedureId': { access: 'procedure.read', object: true },
  'POST /procedures/:procedureId/border-detention': WRITE_PROCEDURE,
  'POST /procedures/:procedureId/asylum-intents': WRITE_PROCEDURE,
  'POST /procedures/:procedureId/referral': WRITE_PROCEDURE,
  'POST /procedures/:procedureId/handover': WRITE_PROCEDURE,
  'POST /procedures/:procedureId/release': WRITE_PROCEDURE,
  'POST /procedures/:procedureId/asylum-home-departure': WRITE_PROCEDURE,
  // Writes the procedure and reads the case it links to: no border officer.
  'POST /procedures/:procedureId/case-link': { access: 'case.write', object: true },
  'POST /procedures/:procedureId/nationality': WRITE_PROCEDURE,
  // Joint operations: national figures that name no one, so no directorate narrows them.
  'POST /joint-operations/partner-reports': { access: 'procedure.write', object: false },
  'GET /joint-operations': { access: 'procedure.read', object: false },
};

/** Who holds what, as the requirement states it (README "Access"). */
const ALLOWED_ROLES: Readonly<Record<Access, readonly Role[]>> = {
  public: ['investigator', 'border-officer', 'supervisor', 'prosecutor-liaison', 'auditor'],
  'case.read': ['investigator', 'supervisor', 'prosecutor-liaison', 'auditor'],
  'case.write': ['investigator', 'supervisor'],
  'person.read': ['investigator', 'supervisor', 'prosecutor-liaison', 'auditor'],
  'person.erase': ['supervisor'],
  'audit.read': ['auditor'],
  'breach.read': ['supervisor', 'auditor'],
  'procedure.read': [
    'investigator',
    'border-officer',
    'supervisor',
    'prosecutor-liaison',
    'auditor',
  ],
  'procedure.write': ['investigator', 'border-officer', 'supervisor'],
};

/** The callers of the matrix; the investigator belongs to the directorate of the case asked. */
const ACTORS: readonly {
  readonly label: string;
  readonly role: Role;
  readonly directorate?: string;
}[] = [
  { label: 'investigator of novo-mesto', role: 'investigator', directorate: 'novo-mesto' },
  { label: 'border officer of novo-mesto', role: 'border-officer', directorate: 'novo-mesto' },
  { label: 'supervisor', role: 'supervisor' },
  { label: 'prosecutor-liaison', role: 'prosecutor-liaison' },
  { label: 'auditor', role: 'auditor' },
];

const ROUTES = Object.entries(MATRIX).map(([key, entry]) => {
  const [method, path] = key.split(' ');
  return { key, method, path, ...entry };
});
type MatrixRoute = (typeof ROUTES)[number];

const ROLE_CELLS = ROUTES.flatMap((route) =>
  ACTORS.map((actor) => {
    const allowed = ALLOWED_ROLES[route.access].includes(actor.role);
    return {
      name: `${route.key} as ${actor.label} -> ${allowed ? 'allowed' : '403 AUTH.FORBIDDEN'}`,
      route,
      actor,
      allowed,
    };
  }),
);

const NO_TOKEN_CELLS = ROUTES.map((route) => ({
  name: `${route.key} without a token -> ${
    route.access === 'public'
      ? route.answers
        ? String(route.answers)
        : 'not 401/403'
      : '401 AUTH.TOKEN_MISSING'
  }`,
  route,
}));

/** What an object route names: a procedure, or else a case. */
const objectOf = (route: MatrixRoute) =>
  route.path.includes(':procedureId')
    ? { kind: 'procedure' as const, id: 'procedureId' as const, notFound: 'PROCEDURE.NOT_FOUND' }
    : { kind: 'case' as const, id: 'caseId' as const, notFound: 'CASE.NOT_FOUND' };

/** Routes naming a case or a procedure that an investigator may call: their directorate decides. */
const OBJECT_ROUTES = ROUTES.filter(
  (route) => route.object && ALLOWED_ROLES[route.access].includes('investigator'),
);

const isWrite = (route: MatrixRoute) => route.method !== 'GET';

const headerNames = (answer: HttpAnswer) => [...answer.headers.keys()].sort();

/** Problem bodies compared across cases: the members that name the request differ by design. */
const withoutRequestNames = ({
  caseId: _c,
  procedureId: _p,
  instance: _i,
  ...rest
}: Record<string, unknown>) => rest;

describe('authorization matrix: every route x every role', () => {
  const sut = useSystem();
  const at = timeline();
  const tokens: Record<string, string> = {};
  let koperInvestigator: string;
  /**
   * The case every role is tried on, and its migrant's procedure. No cell changes them, so they
   * stay at versions 3 and 2.
   */
  let novoMesto: SampleContext;
  /** A case of another directorate, for the koper investigator's own control calls. */
  let koper: SampleContext;

  /** Rows a refused request must not add: events, and whatever a person command registers. */
  const stored = async () => ({ events: await sut.eventCount(), persons: await sut.personCount() });

  const send = (
    route: MatrixRoute,
    ctx: SampleContext,
    token: string | null,
    headers: Record<string, string> = {},
  ) => {
    const sample = SAMPLE_REQUESTS[route.key](ctx);
    return http(sut.system.baseUrl, route.method, sample.path, {
      json: sample.body,
      token,
      headers: { ...sample.headers, ...headers },
    });
  };

  /** Public routes serve HTML, JavaScript and YAML too: only the status and any code matter. */
  const sendPublic = async (route: MatrixRoute, token: string | null) => {
    const response = await fetch(`${sut.system.baseUrl}${route.path}`, {
      method: route.method,
      redirect: 'manual',
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const text = await response.text();
    const code = /json/.test(response.headers.get('content-type') ?? '')
      ? (JSON.parse(text) as { code?: unknown }).code
      : undefined;
    return { status: response.status, code };
  };

  /** How an answer reads as far as access goes; a refusal names itself in a failure. */
  const accessOutcome = ({ status, code }: { status: number; code?: unknown }) =>
    status === 401 ||
    status === 403 ||
    code === 'CASE.NOT_FOUND' ||
    code === 'PROCEDURE.NOT_FOUND' ||
    (typeof code === 'string' && code.startsWith('AUTH.'))
      ? `refused: ${status} ${String(code)}`
      : 'passed';

  /**
   * The command reached the domain's decision: accepted, or refused for the case's state.
   * Validation runs before the handler's object-level check, so a 400 here would mean the
   * cell never exercised that check.
   */
  const expectDecided = (answer: HttpAnswer, route: MatrixRoute, ctx?: SampleContext) => {
    const decision = `${answer.status} ${codeOf(answer) ?? ''}`.trim();
    expect(decision).toMatch(/^(201|(409|422) [A-Z_]+\.[A-Z_]+)$/);
    const { id } = objectOf(route);
    if (answer.status === 201 && ctx) expect(answer.body[id]).toBe(ctx[id]);
  };

  /** The problem code of an answer; a 201 (and a problem without a code) has none. */
  const codeOf = (answer: HttpAnswer): string | undefined => {
    // A joint operation's answer names its `code`, which is no problem code.
    if (answer.status < 400) return undefined;
    const code = (answer.body as { code?: unknown } | undefined)?.code;
    return typeof code === 'string' ? code : undefined;
  };

  /** As a supervisor: a case with an arrested suspect and an apprehended migrant. */
  const caseWithPeople = (directorate: string): Promise<SampleContext> =>
    openCaseWithPeople(sut.system.baseUrl, {
      opening: {
        directorate,
        borderSection: directorate === 'koper' ? 'Sočerga' : 'Obrežje',
        summary: 'Van stopped at the border.',
      },
      at,
      token: tokens.supervisor,
      procedure: true,
    });

  /** The read model is built through Kafka: a GET before it is there would prove nothing. */
  const projected = (ctx: SampleContext) =>
    eventually(
      async () => {
        const answer = await http(sut.system.baseUrl, 'GET', `/cases/${ctx.caseId}`, {
          token: tokens.supervisor,
        });
        const procedure = await http(sut.system.baseUrl, 'GET', `/procedures/${ctx.procedureId}`, {
          token: tokens.supervisor,
        });
        return answer.status === 200 && answer.body.version === 3 && procedure.status === 200
          ? answer
          : undefined;
      },
      { what: `case ${ctx.caseId} and procedure ${ctx.procedureId} to be projected` },
    );

  beforeAll(async () => {
    for (const actor of ACTORS)
      tokens[actor.label] = await testToken(actor.role, actor.directorate);
    koperInvestigator = await testToken('investigator', 'koper');
    novoMesto = await caseWithPeople('novo-mesto');
    koper = await caseWithPeople('koper');
    await projected(novoMesto);
    await projected(koper);
  });

  describe('the matrix and the application', () => {
    it('has exactly one entry for every route the running application serves, and no other', () => {
      const served = routeTable(sut.system.api).map((route) => route.key);
      expect(new Set(served).size).toBe(served.length);
      expect([...served].sort()).toEqual(Object.keys(MATRIX).sort());
    });

    it('marks as object routes exactly the routes that name a case or a procedure, and can call every route', () => {
      for (const route of ROUTES) {
        expect({ key: route.key, object: route.object }).toEqual({
          key: route.key,
          object: route.path.includes(':caseId') || route.path.includes(':procedureId'),
        });
        // A public route is called as it is; the others through a shape-valid sample.
        expect({ key: route.key, callable: true }).toEqual({
          key: route.key,
          callable:
            route.access === 'public'
              ? !route.path.includes(':')
              : typeof SAMPLE_REQUESTS[route.key] === 'function',
        });
      }
    });

    it('tries every role the application knows', () => {
      expect(ACTORS.map((actor) => actor.role).sort()).toEqual([...ROLES].sort());
    });
  });

  describe('as each role, on a novo-mesto case', () => {
    it.each(ROLE_CELLS)('$name', async ({ route, actor, allowed }) => {
      const token = tokens[actor.label];
      const before = await stored();

      if (route.access === 'public') {
        const answer = await sendPublic(route, token);
        expect(accessOutcome(answer)).toBe('passed');
        if (route.answers) expect(answer.status).toBe(route.answers);
        return;
      }

      if (!allowed) {
        const { path } = SAMPLE_REQUESTS[route.key](novoMesto);
        const answer = await send(route, novoMesto, token);
        expect(answer.status).toBe(403);
        expect(answer.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        expect(answer.body).toEqual({
          type: 'urn:problem:AUTH.FORBIDDEN',
          title: expect.any(String),
          status: 403,
          code: 'AUTH.FORBIDDEN',
          // The path without its query: a problem never echoes the query.
          instance: path.split('?')[0],
        });
        expect(await stored()).toEqual(before);
        return;
      }

      if (!isWrite(route)) {
        // The shared case, projected in beforeAll: every reader gets the case itself.
        const answer = await send(route, novoMesto, token);
        expect(accessOutcome({ status: answer.status, code: codeOf(answer) })).toBe('passed');
        expect(answer.status).toBe(200);
        if (route.object) {
          const { id } = objectOf(route);
          expect(answer.body).toMatchObject({ [id]: novoMesto[id], directorate: 'novo-mesto' });
        }
        return;
      }

      // A write on a case of its own, so that no cell depends on what another cell did; the
      // domain may still refuse the sample for the case's state (422), which is not access.
      const ctx = route.object ? await caseWithPeople('novo-mesto') : novoMesto;
      const answer = await send(route, ctx, token);
      expect(accessOutcome({ status: answer.status, code: codeOf(answer) })).toBe('passed');
      expectDecided(answer, route, route.object ? ctx : undefined);
      if (!route.object) expect(answer.status).toBe(201);
    });
  });

  describe('without a token', () => {
    it.each(NO_TOKEN_CELLS)('$name', async ({ route }) => {
      const before = await stored();

      if (route.access === 'public') {
        const answer = await sendPublic(route, null);
        expect(accessOutcome(answer)).toBe('passed');
        if (route.answers) expect(answer.status).toBe(route.answers);
        return;
      }

      const { path } = SAMPLE_REQUESTS[route.key](novoMesto);
      // A write carries a body that is not even JSON: the refusal must come before it is read.
      const answer = await http(sut.system.baseUrl, route.method, path, {
        token: null,
        ...(isWrite(route)
          ? { body: '{"occurredAt": ', headers: { 'content-type': 'application/json' } }
          : {}),
      });
      expect(answer.status).toBe(401);
      expect(answer.headers.get('www-authenticate')).toBe('Bearer realm="smuggling-cases"');
      expect(answer.body).toEqual({
        type: 'urn:problem:AUTH.TOKEN_MISSING',
        title: expect.any(String),
        status: 401,
        code: 'AUTH.TOKEN_MISSING',
        instance: path.split('?')[0],
      });
      expect(await stored()).toEqual(before);
    });
  });

  describe('across directorates', () => {
    it.each(
      OBJECT_ROUTES.map((route) => ({
        name: `${route.key} as investigator of koper on a novo-mesto ${objectOf(route).kind} -> 404 ${
          objectOf(route).notFound
        }${isWrite(route) ? ', even with a stale If-Match' : ''}`,
        route,
      })),
    )('$name', async ({ route }) => {
      // The shared case is at version 3, its procedure at 2: "1" is stale, and a version check
      // would say 409.
      const headers: Record<string, string> = isWrite(route) ? { 'if-match': '"1"' } : {};
      const { path } = SAMPLE_REQUESTS[route.key](novoMesto);
      const { id, notFound } = objectOf(route);
      const nowhere: SampleContext = { ...novoMesto, [id]: randomUUID() };
      const before = await stored();

      const elsewhere = await send(route, novoMesto, koperInvestigator, headers);
      const missing = await send(route, nowhere, koperInvestigator, headers);

      expect(elsewhere.status).toBe(404);
      expect(elsewhere.body).toEqual({
        type: `urn:problem:${notFound}`,
        title: expect.any(String),
        status: 404,
        code: notFound,
        [id]: novoMesto[id],
        instance: path,
      });
      // Indistinguishable from one that does not exist: same status, body, and headers.
      expect(missing.status).toBe(elsewhere.status);
      expect(missing.body[id]).toBe(nowhere[id]);
      expect(withoutRequestNames(missing.body)).toEqual(withoutRequestNames(elsewhere.body));
      expect(headerNames(missing)).toEqual(headerNames(elsewhere));
      for (const header of ['content-type', 'location', 'retry-after', 'www-authenticate'])
        expect({ header, value: missing.headers.get(header) }).toEqual({
          header,
          value: elsewhere.headers.get(header),
        });
      // Express's weak ETag hashes the body, which names the id asked; it must not be a
      // stream version, which would tell that the case or procedure exists.
      for (const answer of [elsewhere, missing])
        expect(answer.headers.get('etag')).not.toMatch(/^"\d+"$/);
      expect(await stored()).toEqual(before);

      if (isWrite(route)) {
        // The same stale If-Match from someone who may see the case is a conflict: so the
        // 404 above was decided before the version check, not by it.
        const conflict = await send(route, novoMesto, tokens.supervisor, headers);
        expect(conflict.status).toBe(409);
        expect(conflict.body).toMatchObject({
          code: 'STREAM.VERSION_CONFLICT',
          currentVersion: id === 'caseId' ? 3 : 2,
        });
        expect(await stored()).toEqual(before);
      }
    });

    it.each(
      OBJECT_ROUTES.map((route) => ({
        name: `${route.key} as investigator of koper on a koper ${objectOf(route).kind} -> allowed`,
        route,
      })),
    )('$name', async ({ route }) => {
      // The control for the cells above: the same token does reach a case of its own directorate.
      const answer = await send(route, koper, koperInvestigator);
      expect(accessOutcome({ status: answer.status, code: codeOf(answer) })).toBe('passed');
      const { id } = objectOf(route);
      if (isWrite(route)) expectDecided(answer, route, koper);
      else expect(answer.body).toMatchObject({ [id]: koper[id], directorate: 'koper' });
    });
  });

  describe('opening a case', () => {
    const open = (directorate: string) =>
      http(sut.system.baseUrl, 'POST', '/cases', {
        json: { ...SAMPLE_REQUESTS['POST /cases'](novoMesto).body, directorate },
        token: koperInvestigator,
      });

    it('POST /cases as investigator of koper for novo-mesto -> 403 AUTH.FORBIDDEN', async () => {
      const before = await stored();
      const answer = await open('novo-mesto');
      expect(answer.status).toBe(403);
      expect(answer.body).toEqual({
        type: 'urn:problem:AUTH.FORBIDDEN',
        title: expect.any(String),
        status: 403,
        code: 'AUTH.FORBIDDEN',
        instance: '/cases',
      });
      expect(await stored()).toEqual(before);
    });

    it('POST /cases as investigator of koper for koper -> 201', async () => {
      const before = await stored();
      const answer = await open('koper');
      expect(answer.status).toBe(201);
      const caseId = answer.body.caseId as string;
      const [row]: { directorate: string; count: string }[] = await sut.db.query(
        `SELECT data->>'directorate' AS directorate, count(*) OVER () AS count
           FROM event_store.events WHERE stream_id = $1`,
        [caseId],
      );
      expect({ directorate: row.directorate, count: Number(row.count) }).toEqual({
        directorate: 'koper',
        count: 1,
      });
      expect(await stored()).toEqual({ ...before, events: before.events + 1 });
    });
  });
});
