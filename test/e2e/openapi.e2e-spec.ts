import { PERMISSIONS, Role } from '@app/auth';
import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { POLICY, RoutePolicy } from '../../apps/api/src/auth/policy';
import { routeHandlers } from '../../apps/api/src/http/openapi-access';
import { answerValidator } from '../harness/openapi-answers';
import { SAMPLE_REQUESTS, SampleContext, routeTable } from '../harness/routes';
import {
  HttpAnswer,
  http,
  openCaseWithPeople,
  projectionsCaughtUp,
  useSystem,
} from '../harness/system';
import { testToken } from '../harness/test-env';

type Schema = Record<string, unknown>;

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  'x-permission'?: string;
  responses: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; securitySchemes: Record<string, Schema> };
}

/** The OpenAPI document and the UI that shows it, served by SwaggerModule beside the API. */
const isDocsRoute = (path: string) => path === '/docs-json' || /^\/docs(-yaml|\/|$)/.test(path);

/** `/cases/:caseId` as OpenAPI writes it: `/cases/{caseId}`. */
const openApiPath = (path: string) => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

/** Every route's access policy as AccessGuard reads it, derived from the route's own path. */
function declaredPolicies(app: Pick<INestApplication, 'get'>) {
  const policies = new Map<string, RoutePolicy | undefined>();
  const join = (...parts: (string | undefined)[]) =>
    `/${parts
      .flatMap((p) => (p ?? '').split('/'))
      .filter(Boolean)
      .join('/')}`;
  for (const { controller, handler } of routeHandlers(app)) {
    const path = Reflect.getMetadata(PATH_METADATA, handler) as string;
    const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
    const key = `${method} ${join(Reflect.getMetadata(PATH_METADATA, controller) as string, path)}`;
    policies.set(
      key,
      (Reflect.getMetadata(POLICY, handler) ?? Reflect.getMetadata(POLICY, controller)) as
        RoutePolicy | undefined,
    );
  }
  return policies;
}

describe('the OpenAPI document (/docs-json)', () => {
  const sut = useSystem();
  let document: OpenApiDocument;

  beforeAll(async () => {
    const answer = await http<OpenApiDocument>(sut.system.baseUrl, 'GET', '/docs-json', {
      token: null,
    });
    expect(answer.status).toBe(200);
    document = answer.body;
  });

  const operationOf = (method: string, path: string): Operation | undefined =>
    document.paths[openApiPath(path)]?.[method.toLowerCase()];

  it('is what the console is built against (WRITE_CONSOLE_API_TYPES=1 writes it anew)', () => {
    // The console's types are made from this document: a change of contract then fails the
    // console's type check, not its users.
    const committed = join(__dirname, '../../apps/console/src/contract/openapi.d.ts');
    const dir = mkdtempSync(join(tmpdir(), 'openapi-'));
    try {
      writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
      execFileSync(
        process.execPath,
        [
          join(__dirname, '../../node_modules/openapi-typescript/bin/cli.js'),
          join(dir, 'openapi.json'),
          '--output',
          join(dir, 'openapi.d.ts'),
        ],
        { stdio: 'pipe' },
      );
      const generated = readFileSync(join(dir, 'openapi.d.ts'), 'utf8');
      if (process.env.WRITE_CONSOLE_API_TYPES === '1') writeFileSync(committed, generated);
      expect(readFileSync(committed, 'utf8')).toBe(generated);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('documents every route the application serves', () => {
    it('lists each served route with its method, and no route that is not served', () => {
      const served = routeTable(sut.system.api).filter((route) => !isDocsRoute(route.path));
      expect(served.length).toBeGreaterThan(30);
      expect(served.filter((r) => !operationOf(r.method, r.path)).map((r) => r.key)).toEqual([]);
      const documented = Object.entries(document.paths).flatMap(([path, item]) =>
        Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
      );
      expect(documented.sort()).toEqual(
        served.map((r) => `${r.method} ${openApiPath(r.path)}`).sort(),
      );
    });

    it('gives each route its access: the permission AccessGuard checks, bearer auth, 401/403/429', () => {
      const policies = declaredPolicies(sut.system.api);
      expect(document.components.securitySchemes.bearer).toEqual({
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
      });
      const wrong = routeTable(sut.system.api)
        .filter((route) => !isDocsRoute(route.path))
        .flatMap((route) => {
          const operation = operationOf(route.method, route.path)!;
          const policy = policies.get(route.key);
          const documented = {
            permission: operation['x-permission'],
            security: operation.security,
            refusals: ['401', '403', '429'].filter((s) => s in operation.responses),
          };
          const expected =
            policy === 'public'
              ? { permission: undefined, security: [], refusals: [] }
              : {
                  permission: policy?.permission,
                  security: [{ bearer: [] }],
                  refusals: ['401', '403', '429'],
                };
          return JSON.stringify(documented) === JSON.stringify(expected)
            ? []
            : [
                `${route.key}: documented ${JSON.stringify(documented)}, policy ${JSON.stringify(policy)}`,
              ];
        });
      expect(wrong).toEqual([]);
      const permissions = Object.values(document.paths)
        .flatMap((item) => Object.values(item))
        .flatMap((operation) => operation['x-permission'] ?? []);
      expect(new Set(permissions)).toEqual(new Set(PERMISSIONS));
    });

    it('gives each route an operationId, a success answer and problem answers as ProblemDetails', () => {
      const problems: string[] = [];
      for (const route of routeTable(sut.system.api).filter((r) => !isDocsRoute(r.path))) {
        const operation = operationOf(route.method, route.path)!;
        if (!operation.operationId) problems.push(`${route.key}: no operationId`);
        const statuses = Object.keys(operation.responses);
        if (!statuses.some((s) => /^2/.test(s))) problems.push(`${route.key}: no 2xx answer`);
        for (const status of statuses.filter((s) => /^[45]/.test(s))) {
          const content = operation.responses[status].content ?? {};
          // The readiness probe answers 503 with the terminus report, not a problem.
          if (route.key === 'GET /health/ready') continue;
          const ref = content['application/problem+json']?.schema?.$ref;
          if (ref !== '#/components/schemas/ProblemDetails' || Object.keys(content).length !== 1) {
            problems.push(`${route.key} ${status}: ${JSON.stringify(content)}`);
          }
        }
        const refusals = ['400', '413', '415'].filter((s) => s in operation.responses);
        if (route.method === 'POST' && refusals.length !== 3) {
          problems.push(`${route.key}: a body without its 400, 413 and 415 problems`);
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe('documents the answers as the API gives them', () => {
    /** Who sends each sample: audits need an auditor; everything else a supervisor may do. */
    const roleFor = (key: string): Role => (key.includes(' /audit/') ? 'auditor' : 'supervisor');

    /**
     * The samples in an order that lets most of them succeed: the commands first (the asylum
     * steps before the handover, which ends them), then, once every projection has caught up,
     * the reads; the erasure last, as it ends the migrant's personal data.
     */
    const LAST_COMMANDS = [
      'POST /cases/:caseId/persons/:personId/handover',
      'POST /cases/:caseId/closure',
    ];
    const rank = (key: string) =>
      key === 'POST /people/:personId/erasure'
        ? 4
        : key.startsWith('GET ')
          ? 3
          : LAST_COMMANDS.includes(key)
            ? 1 + LAST_COMMANDS.indexOf(key) / 10
            : 0;
    const samples = Object.keys(SAMPLE_REQUESTS).sort((a, b) => rank(a) - rank(b));

    it('answers every sample request with a documented status and a body of its documented schema', async () => {
      const validate = answerValidator(document);
      const ctx: SampleContext = await openCaseWithPeople(sut.system.baseUrl, { procedure: true });
      const tokens: Partial<Record<Role, string>> = {};
      const mismatches: string[] = [];
      const statuses: Record<string, number> = {};
      let caughtUp = false;
      for (const key of samples) {
        const [method, route] = key.split(' ');
        if (method === 'GET' && !caughtUp) caughtUp = await projectionsCaughtUp(sut.system.baseUrl);
        const request = SAMPLE_REQUESTS[key](ctx);
        const role = roleFor(key);
        tokens[role] ??= await testToken(role);
        const answer: HttpAnswer<unknown> = await http(sut.system.baseUrl, method, request.path, {
          json: request.body,
          headers: request.headers,
          token: tokens[role],
        });
        statuses[key] = answer.status;
        const documented = operationOf(method, route)?.responses[String(answer.status)];
        if (!documented) {
          mismatches.push(`${key} -> ${answer.status}: status not documented`);
          continue;
        }
        const mediaType = (answer.headers.get('content-type') ?? '').split(';')[0];
        const schema = documented.content?.[mediaType]?.schema;
        if (!schema) {
          mismatches.push(`${key} -> ${answer.status} ${mediaType}: no schema documented`);
          continue;
        }
        // A stream's messages are documented in words (README "The custody desk"): it never ends.
        if (mediaType === 'text/event-stream') continue;
        const error = validate(schema, answer.body);
        if (error) mismatches.push(`${key} -> ${answer.status}: ${error}`);
      }
      expect(mismatches).toEqual([]);
      // The samples reach the API's answers, not only its refusals.
      const succeeded = Object.entries(statuses).filter(([, s]) => s >= 200 && s < 300);
      expect(succeeded.length).toBeGreaterThan(Object.keys(SAMPLE_REQUESTS).length / 2);
      expect(statuses['GET /cases/:caseId']).toBe(200);
      expect(statuses['GET /audit/cases/:caseId/history']).toBe(200);
      expect(statuses['POST /cases']).toBe(201);
      expect(statuses['POST /cases/:caseId/persons/:personId/asylum-intents']).toBe(201);
      expect(statuses['POST /people/:personId/erasure']).toBe(201);
    });

    it('answers problems as ProblemDetails, and refuses a body that breaks a documented schema', async () => {
      const validate = answerValidator(document);
      const refused = await http(sut.system.baseUrl, 'POST', '/cases', { json: { summary: 1 } });
      expect(refused.status).toBe(400);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(validate({ $ref: '#/components/schemas/ProblemDetails' }, refused.body)).toBeNull();
      expect(validate({ $ref: '#/components/schemas/ProblemDetails' }, { title: 'x' })).toBe(
        "body must have required property 'type', body must have required property 'status', body must have required property 'code'",
      );
      const accepted = operationOf('POST', '/cases')!.responses['201'].content!['application/json'];
      expect(
        validate(accepted.schema!, { caseId: 'c', version: 1, position: '1', extra: true }),
      ).toBe('body must NOT have additional properties, body/caseId must match format "uuid"');
    });
  });
});
