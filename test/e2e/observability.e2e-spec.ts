import { PROJECTION_NAMES } from '@app/read-models';
import { randomUUID } from 'node:crypto';
import { Server, createServer } from 'node:http';
import { AddressInfo } from 'node:net';
import { BuiltUp, startBuiltUp } from '../harness/built-up';
import { SAMPLE_REQUESTS } from '../harness/routes';
import { http, openCaseWithPeople, projectionsCaughtUp } from '../harness/system';
import {
  TEST_AUTH_SECRET,
  TestDatabase,
  createTestDatabase,
  eventually,
  testToken,
} from '../harness/test-env';

interface OtlpSpan {
  readonly service: string;
  readonly scope: string;
  readonly name: string;
  readonly kind: number;
  readonly attributes: Record<string, unknown>;
}

/** An OTLP/HTTP collector (JSON, as @opentelemetry/exporter-trace-otlp-http sends): keeps every span. */
async function startCollector(): Promise<{ url: string; spans: OtlpSpan[]; server: Server }> {
  const spans: OtlpSpan[] = [];
  type Attribute = { key: string; value: Record<string, unknown> };
  const values = (attributes: Attribute[] = []) =>
    Object.fromEntries(attributes.map((a) => [a.key, Object.values(a.value)[0]]));
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (req.url === '/v1/traces') {
        const body = JSON.parse(Buffer.concat(chunks).toString()) as {
          resourceSpans: {
            resource: { attributes: Attribute[] };
            scopeSpans: {
              scope: { name: string };
              spans: { name: string; kind: number; attributes: Attribute[] }[];
            }[];
          }[];
        };
        for (const { resource, scopeSpans } of body.resourceSpans) {
          const service = String(values(resource.attributes)['service.name']);
          for (const { scope, spans: list } of scopeSpans) {
            for (const span of list) {
              spans.push({
                service,
                scope: scope.name,
                name: span.name,
                kind: span.kind,
                attributes: values(span.attributes),
              });
            }
          }
        }
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, spans, server };
}

/**
 * The services as `npm start` runs them (built, one process each, under the CLI's `up`), with
 * tracing switched on: what they log and what they trace while a command with personal data
 * goes through.
 */
describe('logs and traces of the running services', () => {
  const correlationId = `identity-${randomUUID()}`;
  const person = { givenName: 'Marko', familyName: 'Petrović', passport: 'P1234567' };
  let database: TestDatabase;
  let up: BuiltUp;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  let token: string;

  beforeAll(async () => {
    database = await createTestDatabase();
    collector = await startCollector();
    up = await startBuiltUp(database, {
      KAFKA_PARTITIONS: '3',
      LOG_LEVEL: 'info',
      OTEL_ENABLED: 'true',
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      // Export each batch of spans within a tenth of a second, not five seconds.
      OTEL_BSP_SCHEDULE_DELAY: '100',
    });
    const { baseUrl } = up;

    token = await testToken('supervisor');
    const ctx = await openCaseWithPeople(baseUrl, { token });
    const sample = SAMPLE_REQUESTS['POST /cases/:caseId/persons/:personId/identity'](ctx);
    // The sample's person is the one this test looks for in the logs.
    expect(sample.body?.person).toMatchObject({
      givenName: person.givenName,
      familyName: person.familyName,
      documents: [{ number: person.passport }],
    });
    const established = await http(baseUrl, 'POST', sample.path, {
      json: sample.body,
      token,
      headers: { 'x-correlation-id': correlationId },
    });
    expect(established.status).toBe(201);
    // Refused with the same personal data in its body: not logged either.
    const refused = await http(baseUrl, 'POST', sample.path, {
      json: { ...sample.body, method: 'guess' },
      token,
      headers: { 'x-correlation-id': `${correlationId}-refused` },
    });
    expect(refused.status).toBe(400);
    await projectionsCaughtUp(baseUrl);
    // Every projection has logged the batch with the command's correlation id.
    await eventually(
      async () =>
        PROJECTION_NAMES.every((name) =>
          lines().some(
            (l) =>
              l.service === 'projector' &&
              l.projection === name &&
              (l.correlationIds as string[] | undefined)?.includes(correlationId),
          ),
        ) || undefined,
      { what: 'the projector to log the correlation id' },
    );

    up.child.kill('SIGTERM');
    await expect(up.exited).resolves.toBe(0);
  });

  afterAll(async () => {
    if (up?.child.exitCode === null) up.child.kill('SIGKILL');
    await new Promise((resolve) => collector?.server.close(resolve));
    await database?.drop();
  });

  /** The JSON lines of the output (the services' own); `up` writes a few plain ones. */
  const lines = (): Record<string, unknown>[] =>
    up
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);

  it('follows the correlation id from the API to the projector, and logs no personal data and no token', () => {
    const all = lines();
    // Every service logs JSON lines naming itself.
    expect(new Set(all.map((l) => l.service))).toEqual(new Set(['api', 'relay', 'projector']));

    const api = all.filter((l) => l.service === 'api' && l.correlationId === correlationId);
    expect(api.map((l) => l.msg)).toEqual([
      expect.stringMatching(/^POST \/cases\/[0-9a-f-]+\/persons\/[0-9a-f-]+\/identity 201$/),
    ]);
    expect(api[0]).toMatchObject({
      level: 'info',
      req: { method: 'POST' },
      res: { statusCode: 201 },
    });
    const refused = all.filter(
      (l) => l.service === 'api' && l.correlationId === `${correlationId}-refused`,
    );
    expect(refused.map((l) => (l.res as { statusCode: number }).statusCode)).toEqual([400]);

    const projector = all.filter(
      (l) =>
        l.service === 'projector' &&
        (l.correlationIds as string[] | undefined)?.includes(correlationId),
    );
    expect(new Set(projector.map((l) => l.projection))).toEqual(new Set(PROJECTION_NAMES));

    const text = up.output();
    for (const secret of [
      person.givenName,
      person.familyName,
      person.passport,
      token,
      TEST_AUTH_SECRET,
      'Bearer',
    ]) {
      expect({ secret, logged: text.includes(secret) }).toEqual({ secret, logged: false });
    }
  });

  it('traces a request through the API, Postgres and Kafka in each service', async () => {
    const { spans } = collector;
    const of = (service: string, scope: string) =>
      spans.filter((s) => s.service === `smuggling-cases-${service}` && s.scope.endsWith(scope));
    // An HTTP server span for the command, with the route Express matched.
    expect(
      of('api', 'instrumentation-http').some(
        (s) =>
          s.kind === 2 &&
          s.attributes['http.route'] === '/cases/:caseId/persons/:personId/identity',
      ),
    ).toBe(true);
    expect(of('api', 'instrumentation-pg').length).toBeGreaterThan(0);
    // The relay publishes (a producer span), the projector consumes (a consumer span).
    expect(of('relay', 'instrumentation-kafkajs').some((s) => s.kind === 4)).toBe(true);
    expect(of('projector', 'instrumentation-kafkajs').some((s) => s.kind === 5)).toBe(true);
    // Statements with placeholders, never the values: no personal data in any span.
    const attributes = JSON.stringify(spans.map((s) => s.attributes));
    for (const value of [person.givenName, person.familyName, person.passport, token]) {
      expect(attributes.includes(value)).toBe(false);
    }
  });
});
