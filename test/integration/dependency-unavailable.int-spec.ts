import { PostgresEventStore } from '@app/event-store';
import { dataSourceOptions, isDependencyUnavailable } from '@app/platform';
import { CaseRow } from '@app/read-models';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource, QueryRunner } from 'typeorm';
import { caseOpened, metadata } from '../harness/fixtures';
import {
  TestDatabase,
  connect,
  createTestDatabase,
  eventually,
  testConfig,
} from '../harness/test-env';

/**
 * The errors a request meets when its database connection is cut under it (an operator's
 * pg_terminate_backend, a failover, a restart), produced for real and thrown by whichever
 * layer notices first: each must read as "unavailable" (503, retry), and a defect must not.
 */
describe('a database connection cut under a request', () => {
  let database: TestDatabase;
  let db: DataSource;
  let admin: Client;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await connect(testConfig(database.url), 4);
    admin = new Client({ connectionString: database.url });
    await admin.connect();
  });

  afterAll(async () => {
    await admin?.end();
    await db?.destroy();
    await database?.drop();
  });

  const terminate = async (pid: number) => {
    const { rows } = await admin.query<{ ok: boolean }>('SELECT pg_terminate_backend($1) AS ok', [
      pid,
    ]);
    expect(rows[0].ok).toBe(true);
  };
  const backendPid = async (runner: QueryRunner) =>
    ((await runner.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[])[0].pid;
  const failureOf = async (work: () => Promise<unknown>): Promise<unknown> => {
    try {
      await work();
    } catch (error) {
      return error;
    }
    throw new Error('expected the work to fail');
  };

  /** A transaction whose connection was terminated while idle in it, once TypeORM noticed. */
  async function cutTransaction(): Promise<QueryRunner> {
    const runner = db.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    await terminate(await backendPid(runner));
    // TypeORM releases the runner when pg reports the connection's error.
    await eventually(async () => (runner.isReleased ? true : undefined), {
      what: 'TypeORM to release the cut runner',
    });
    return runner;
  }

  it('commitTransaction after the cut', async () => {
    const runner = await cutTransaction();
    const error = await failureOf(() => runner.commitTransaction());
    expect((error as Error).name).toBe('QueryRunnerAlreadyReleasedError');
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it('a repository read on the cut transaction (findOneBy)', async () => {
    const runner = await cutTransaction();
    const error = await failureOf(() =>
      runner.manager.findOneBy(CaseRow, { caseId: randomUUID() }),
    );
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it('an append on the cut transaction, through pg directly', async () => {
    const store = new PostgresEventStore(db);
    const runner = await cutTransaction();
    const caseId = randomUUID();
    const error = await failureOf(() =>
      store.append(
        {
          streamId: caseId,
          streamType: 'case',
          expectedVersion: 0,
          events: [caseOpened(caseId)],
          metadata: metadata(),
        },
        runner.manager,
      ),
    );
    expect(isDependencyUnavailable(error)).toBe(true);
    await expect(store.readStream(caseId)).resolves.toEqual([]);
  });

  it('a statement running when its connection is terminated', async () => {
    const runner = db.createQueryRunner();
    await runner.connect();
    const pid = await backendPid(runner);
    const running = failureOf(() => runner.query('SELECT pg_sleep(30)'));
    await eventually(
      async () => {
        const { rows } = await admin.query<{ state: string }>(
          'SELECT state FROM pg_stat_activity WHERE pid = $1',
          [pid],
        );
        return rows[0]?.state === 'active' ? true : undefined;
      },
      { what: 'the statement to run' },
    );
    await terminate(pid);
    const error = await running;
    expect(isDependencyUnavailable(error)).toBe(true);
    await runner.release().catch(() => undefined);
  });

  it("pg's own client, cut, and then asked again", async () => {
    const client = new Client({ connectionString: database.url });
    client.on('error', () => undefined);
    await client.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await terminate(rows[0].pid);
    const first = await failureOf(() => client.query('SELECT 1'));
    const second = await failureOf(() => client.query('SELECT 1'));
    expect([isDependencyUnavailable(first), isDependencyUnavailable(second)]).toEqual([true, true]);
    await client.end().catch(() => undefined);
  });

  it('a database that refuses connections, through the pool', async () => {
    const name = new URL(database.url).pathname.slice(1);
    const owner = new Client({ connectionString: process.env.TEST_ADMIN_DATABASE_URL });
    await owner.connect();
    const fresh = new DataSource(dataSourceOptions(testConfig(database.url), [], 'test-refused'));
    try {
      await owner.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS false`);
      // Postgres answers 55000 "not currently accepting connections": no class of its own.
      const error = await failureOf(() => fresh.initialize());
      expect((error as { code?: string }).code).toBe('55000');
      expect(isDependencyUnavailable(error)).toBe(true);
    } finally {
      await owner.query(`ALTER DATABASE ${name} ALLOW_CONNECTIONS true`);
      await owner.end();
    }
  });

  it('a server that is not there', async () => {
    const client = new Client({ host: '127.0.0.1', port: 1, user: 'nobody' });
    const error = await failureOf(() => client.connect());
    expect(isDependencyUnavailable(error)).toBe(true);
  });

  it('but a defect, a constraint or bad SQL, is not an outage', async () => {
    const badSql = await failureOf(() => db.query('SELEC 1'));
    const badData = await failureOf(() => db.query('SELECT 1 / 0'));
    const duplicate = await failureOf(() =>
      db.transaction(async (tx) => {
        await tx.query('CREATE TEMP TABLE once (id int PRIMARY KEY) ON COMMIT DROP');
        await tx.query('INSERT INTO once VALUES (1), (1)');
      }),
    );
    const bug = await failureOf(() => Promise.reject(new TypeError('x is undefined')));
    expect((duplicate as { driverError?: { code?: string } }).driverError?.code).toBe('23505');
    expect([badSql, badData, duplicate, bug].map(isDependencyUnavailable)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
