import { AppConfig } from '@app/platform';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AddressInfo, Server } from 'node:net';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/api.app';
import { ProjectorModule } from '../../apps/projector/src/projector.module';
import { RelayModule } from '../../apps/relay/src/relay.module';
import { eventContractViolations } from './event-contract';
import { BodyOverrides, SampleContext, timeline, validBody } from './routes';
import {
  TestDatabase,
  connect,
  createTestDatabase,
  eventually,
  testConfig,
  testToken,
} from './test-env';

export interface RunningSystem {
  readonly baseUrl: string;
  readonly api: INestApplication;
  stop(): Promise<void>;
}

/** The API, relay and projector, built by the same factories and modules as production. */
export async function startSystem(config: AppConfig): Promise<RunningSystem> {
  const api = await createApiApp(config);
  await api.listen(0, '127.0.0.1');
  const { port } = (api.getHttpServer() as Server).address() as AddressInfo;
  const workers: INestApplicationContext[] = [
    await NestFactory.createApplicationContext(RelayModule.forRoot(config), { logger: false }),
    await NestFactory.createApplicationContext(ProjectorModule.forRoot(config), { logger: false }),
  ];
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    api,
    stop: async () => {
      await api.close();
      for (const worker of workers) await worker.close();
    },
  };
}

/**
 * What `useSystem` started for a describe block: read it in tests and hooks, not while the
 * block is being declared, before its beforeAll has run.
 */
export interface SystemUnderTest {
  readonly database: TestDatabase;
  readonly config: AppConfig;
  readonly system: RunningSystem;
  /** A migrated connection to the system's database, for looking at what it stored. */
  readonly db: DataSource;
  /** Events in the store, over all streams. */
  eventCount(): Promise<number>;
  /** Everything a person command may register: persons, document hashes, data keys. */
  personCount(): Promise<number>;
}

/**
 * A fresh database, the system running on it and a connection to it, for the describe block
 * that calls this: started in a beforeAll it registers there, stopped and dropped in an
 * afterAll. `env` is added to the test configuration.
 */
export function useSystem(env: Record<string, string> = {}): SystemUnderTest {
  let database: TestDatabase | undefined;
  let config: AppConfig | undefined;
  let system: RunningSystem | undefined;
  let db: DataSource | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig(database.url, env);
    system = await startSystem(config);
    db = await connect(config);
  });

  afterAll(async () => {
    // Every event the block produced, read before the database goes, must match the published
    // event contract (libs/contracts): its envelope and the data schema of its type and version.
    const violations = db ? await eventContractViolations(db) : [];
    await system?.stop();
    await db?.destroy();
    await database?.drop();
    if (violations.length > 0) {
      throw new Error(
        `${violations.length} stored event(s) break the event contract:\n${violations.join('\n')}`,
      );
    }
  });

  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`${name} is not there before useSystem's beforeAll`);
    return value;
  };
  const count = async (sql: string) =>
    Number((await started(db, 'db').query<{ count: string }[]>(sql))[0].count);
  return {
    get database() {
      return started(database, 'database');
    },
    get config() {
      return started(config, 'config');
    },
    get system() {
      return started(system, 'system');
    },
    get db() {
      return started(db, 'db');
    },
    eventCount: () => count('SELECT count(*) FROM event_store.events'),
    personCount: () =>
      count(
        `SELECT (SELECT count(*) FROM personal_data.persons) + (SELECT count(*) FROM personal_data.identity_refs)
              + (SELECT count(*) FROM personal_data.person_keys) AS count`,
      ),
  };
}

/**
 * Waits until every event committed so far is projected: the outbox is empty (GET /metrics),
 * then GET /projections shows every projection at the end of every partition. The topic's end
 * alone would not do: an event the relay has not published yet is not behind it.
 */
export function projectionsCaughtUp(baseUrl: string, timeoutMs = 30_000): Promise<true> {
  return eventually(
    async () => {
      const metrics = await (await fetch(`${baseUrl}/metrics`)).text();
      if (!/^smuggling_cases_outbox_backlog_events 0$/m.test(metrics)) return undefined;
      const { body } = await http<{ projections: { eventsBehind: number }[] }>(
        baseUrl,
        'GET',
        '/projections',
      );
      return body.projections.every((p) => p.eventsBehind === 0) ? true : undefined;
    },
    { what: 'every projection to catch up', timeoutMs },
  );
}

let cachedSupervisorToken: Promise<string> | undefined;
const supervisorToken = () => (cachedSupervisorToken ??= testToken('supervisor'));

export interface HttpAnswer<T = Record<string, unknown>> {
  readonly status: number;
  readonly headers: Headers;
  readonly body: T;
}

/**
 * One request. It carries a supervisor's token (who may do anything a case allows) unless
 * the test gives another token, or `token: null` for none.
 */
export async function http<T = Record<string, unknown>>(
  baseUrl: string,
  method: string,
  path: string,
  init: {
    json?: unknown;
    body?: string;
    headers?: Record<string, string>;
    token?: string | null;
  } = {},
): Promise<HttpAnswer<T>> {
  const token = init.token === undefined ? await supervisorToken() : init.token;
  const headers: Record<string, string> = {
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...init.headers,
  };
  let body = init.body;
  if (init.json !== undefined) {
    body = JSON.stringify(init.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${baseUrl}${path}`, { method, headers, body });
  // A stream that opened never ends by itself: its status and headers are the answer.
  if (response.headers.get('content-type')?.startsWith('text/event-stream')) {
    await response.body?.cancel();
    return { status: response.status, headers: response.headers, body: undefined as T };
  }
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body: (text ? JSON.parse(text) : undefined) as T,
  };
}

/**
 * A case with an arrested suspect and an apprehended migrant, the context the samples expect:
 * opened with the sample of `POST /cases`, by a supervisor unless another token is given.
 */
export async function openCaseWithPeople(
  baseUrl: string,
  options: {
    /** Members of the opening request that differ from the sample's, e.g. the directorate. */
    opening?: BodyOverrides<'POST /cases'>;
    at?: (step: number) => string;
    token?: string | null;
    /** An X-Correlation-Id for each request (the procedure's when one is asked for). */
    correlationIds?: { open: string; arrest: string; apprehend: string; procedure?: string };
    /** Also a procedure of a foreigner of the same directorate (for the samples of every route). */
    procedure?: boolean;
  } = {},
): Promise<SampleContext> {
  const { opening = {}, at = timeline(), token, correlationIds, procedure = false } = options;
  const accepted = async (path: string, json: unknown, correlationId: string | undefined) => {
    const answer = await http<{ caseId: string; persons?: { personId: string }[] }>(
      baseUrl,
      'POST',
      path,
      { json, token, headers: correlationId ? { 'x-correlation-id': correlationId } : {} },
    );
    if (answer.status !== 201)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const { caseId } = await accepted(
    '/cases',
    validBody('POST /cases', { at }, opening),
    correlationIds?.open,
  );
  // At steps 1 and 2, before the samples' own (10 and later), which find these two there.
  const suspect = await accepted(
    `/cases/${caseId}/arrests`,
    validBody(
      'POST /cases/:caseId/arrests',
      { at },
      {
        occurredAt: at(1),
        nationality: 'RS',
        place: 'Obrežje',
      },
    ),
    correlationIds?.arrest,
  );
  const migrant = await accepted(
    `/cases/${caseId}/apprehensions`,
    validBody(
      'POST /cases/:caseId/apprehensions',
      { at },
      {
        occurredAt: at(2),
        nationality: 'SY',
        minor: false,
        place: 'Obrežje',
      },
    ),
    correlationIds?.apprehend,
  );
  return {
    caseId,
    suspectId: suspect.persons![0].personId,
    migrantId: migrant.persons![0].personId,
    procedureId: procedure
      ? await apprehendForeigner(baseUrl, opening, migrant.persons![0].personId, {
          at,
          token,
          correlationId: correlationIds?.procedure,
        })
      : '',
    at,
  };
}

/**
 * The case's migrant in a police procedure of their own, not linked to the case yet: a
 * procedure at version 2 (apprehended, intent).
 */
async function apprehendForeigner(
  baseUrl: string,
  opening: BodyOverrides<'POST /cases'>,
  personId: string,
  {
    at,
    token,
    correlationId,
  }: {
    at: (step: number) => string;
    token: string | null | undefined;
    correlationId: string | undefined;
  },
): Promise<string> {
  const answer = await http<{ procedures: { procedureId: string }[] }>(
    baseUrl,
    'POST',
    '/procedures',
    {
      json: validBody(
        'POST /procedures',
        { at },
        {
          occurredAt: at(3),
          directorate: opening.directorate ?? 'novo-mesto',
          place: 'Obrežje',
          // The operation the sample of GET /joint-operations asks for.
          jointOperation: 'HR-SI-03',
          persons: [
            {
              nationality: 'SY',
              minor: false,
              person: { personId },
              intent: { occurredAt: at(4), statement: 'dictated' },
            },
          ],
        },
      ),
      token,
      headers: correlationId ? { 'x-correlation-id': correlationId } : {},
    },
  );
  if (answer.status !== 201)
    throw new Error(`/procedures: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body.procedures[0].procedureId;
}
