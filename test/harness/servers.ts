/*
 * Loaded by Jest's global setup, outside Jest's module registry: relative imports only.
 */
import { rmSync } from 'node:fs';
import { Client } from 'pg';
import {
  LocalKafka,
  LocalPostgres,
  dataDir,
  ensureKafka,
  ensurePostgres,
  portAnswers,
  postgresDataDir,
} from '../../libs/local-infra/src';

export const TEST_PG_PORT = Number(process.env.TEST_PG_PORT ?? 54339);
export const TEST_KAFKA_PORT = Number(process.env.TEST_KAFKA_PORT ?? 29092);

export interface TestServers {
  postgres?: LocalPostgres;
  kafka?: LocalKafka;
}

const log = (line: string) => process.stderr.write(`[test servers] ${line}\n`);

/**
 * Uses DATABASE_URL and KAFKA_BROKERS when given; otherwise reuses servers already answering
 * on the test ports, or starts them. Each test file then works in a database and a topic of
 * its own, so files can run in parallel.
 */
export async function startTestServers(): Promise<TestServers> {
  const servers: TestServers = {};
  if (process.env.DATABASE_URL) {
    process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
  } else {
    servers.postgres = await ensurePostgres({
      dataDir: postgresDataDir(`test-postgres-${TEST_PG_PORT}`),
      port: TEST_PG_PORT,
    });
    process.env.TEST_ADMIN_DATABASE_URL = servers.postgres.adminUrl;
    if (servers.postgres.started) await dropLeftoverTestDatabases(servers.postgres.adminUrl);
  }
  if (process.env.KAFKA_BROKERS) {
    process.env.TEST_KAFKA_BROKERS = process.env.KAFKA_BROKERS;
  } else {
    // One directory per port, so that runs on other ports (TEST_*_PORT) never share storage.
    const kafkaDir = dataDir(`test-kafka-${TEST_KAFKA_PORT}`);
    // Nobody else is using a broker that is not running: start it from empty storage.
    if (await portAnswers(TEST_KAFKA_PORT)) log(`reusing the Kafka broker on ${TEST_KAFKA_PORT}`);
    else rmSync(kafkaDir, { recursive: true, force: true });
    servers.kafka = await ensureKafka({
      dataDir: kafkaDir,
      port: TEST_KAFKA_PORT,
      controllerPort: TEST_KAFKA_PORT + 1,
      log,
    });
    process.env.TEST_KAFKA_BROKERS = servers.kafka.brokers;
  }
  return servers;
}

export async function stopTestServers(servers: TestServers): Promise<void> {
  await servers.kafka?.stop();
  await servers.postgres?.stop();
}

/** Databases left by an interrupted run; only on a server this run started itself. */
async function dropLeftoverTestDatabases(adminUrl: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ datname: string }>(
      `SELECT datname FROM pg_database WHERE datname LIKE 'pss\\_test\\_%'`,
    );
    for (const { datname } of rows)
      await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
