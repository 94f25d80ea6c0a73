import { Role, issueLocalToken } from '@app/auth';
import {
  AppConfig,
  dataSourceOptions,
  loadAuthConfig,
  loadConfig,
  runMigrations,
} from '@app/platform';
import { READ_MODEL_ENTITIES } from '@app/read-models';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

function required(name: string): string {
  const value = process.env[name];
  if (!value)
    throw new Error(`${name} is not set: run server-backed tests through Jest's global setup`);
  return value;
}

export const uniqueSuffix = () => randomBytes(5).toString('hex');

/** Keys for this test process: random, as production keys are, and never written anywhere. */
const TEST_KEYS = {
  personalData: randomBytes(32).toString('base64'),
  identityHash: randomBytes(32).toString('base64'),
  authSecret: randomBytes(32).toString('base64'),
};

/** Refuses any database whose name does not say it is for tests, before touching it. */
export function assertTestDatabase(url: string): void {
  const name = new URL(url).pathname.slice(1);
  if (!/test/i.test(name))
    throw new Error(`refusing to use database "${name}": its name must contain "test"`);
}

export interface TestDatabase {
  readonly url: string;
  drop(): Promise<void>;
}

/** A fresh database for one test file, dropped at its end. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = required('TEST_ADMIN_DATABASE_URL');
  const name = `pss_test_${uniqueSuffix()}`;
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  assertTestDatabase(url.toString());
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return {
    url: url.toString(),
    drop: async () => {
      const client = new Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** Configuration as the apps read it, pointed at this file's database and its own topic. */
export function testConfig(databaseUrl: string, env: Record<string, string> = {}): AppConfig {
  assertTestDatabase(databaseUrl);
  const suffix = uniqueSuffix();
  return loadConfig({
    DATABASE_URL: databaseUrl,
    KAFKA_BROKERS: required('TEST_KAFKA_BROKERS'),
    KAFKA_TOPIC: `test.events.${suffix}`,
    KAFKA_PARTITIONS: '3',
    PROJECTOR_GROUP_PREFIX: `test.projector.${suffix}`,
    PORT: '0',
    PERSONAL_DATA_KEY: TEST_KEYS.personalData,
    IDENTITY_HASH_KEY: TEST_KEYS.identityHash,
    AUTH_JWT_SECRET: TEST_KEYS.authSecret,
    // Only the rate-limit test wants to hit the limit.
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...env,
  });
}

/** A token as the local identity provider would sign it for the tests' configuration. */
export function testToken(
  role: Role,
  directorate?: string,
  options: { subject?: string; ttlSeconds?: number } = {},
): Promise<string> {
  return issueLocalToken(loadAuthConfig({ AUTH_JWT_SECRET: TEST_KEYS.authSecret }), {
    role,
    directorate,
    subject: options.subject ?? `test-${role}${directorate ? `-${directorate}` : ''}`,
    ttlSeconds: options.ttlSeconds ?? 3600,
  });
}

/** The secret the tests' tokens are signed with, for a system started as a child process. */
export const TEST_AUTH_SECRET = TEST_KEYS.authSecret;

/** A migrated TypeORM DataSource on the test database. */
export async function connect(config: AppConfig, poolSize = 10): Promise<DataSource> {
  const db = new DataSource(
    dataSourceOptions({ ...config, databasePoolSize: poolSize }, READ_MODEL_ENTITIES, 'test'),
  );
  await db.initialize();
  await runMigrations(db);
  return db;
}

/** Polls until the probe returns a value other than undefined, or fails with the last reason. */
export async function eventually<T>(
  probe: () => Promise<T | undefined>,
  { timeoutMs = 30_000, intervalMs = 50, what = 'condition' } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(
    `timed out waiting for ${what}${lastError instanceof Error ? `: ${lastError.message}` : ''}`,
  );
}
