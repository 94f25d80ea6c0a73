/*
 * Loaded by Jest's global setup, outside Jest's module registry: relative imports only.
 */
import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OwnServers } from '../../libs/local-infra/src';

export type TestServers = OwnServers;

const log = (line: string) => process.stderr.write(`[test servers] ${line}\n`);

/** A port pinned by the environment, or undefined when the tests may take any free one. */
function pinnedPort(name: string): number | undefined {
  const value = process.env[name];
  if (!value) return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65534) {
    throw new Error(`${name}=${value} is not a port number`);
  }
  return port;
}

/** What the error of a server that could not start on a pinned port should tell the reader. */
function naming(variable: string, useInstead: string) {
  return (error: unknown): never => {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(
      `the test servers could not start (${variable}=${process.env[variable]}): ${message}\n` +
        `Unset ${variable} to use free ports, or set ${useInstead} to use a running server.`,
    );
  };
}

/**
 * Uses DATABASE_URL and KAFKA_BROKERS when given (servers the caller asks to reuse);
 * otherwise starts a Postgres and a Kafka broker of this run's own, from empty storage, on
 * free ports or on TEST_PG_PORT and TEST_KAFKA_PORT (and the next one, the broker's
 * controller) when set. A server already answering on a pinned port is an error, never reused:
 * its data and its life are someone else's. Each test file then works in a database and a
 * topic of its own, so files can run in parallel.
 */
export async function startTestServers(): Promise<TestServers> {
  const pgPort = process.env.DATABASE_URL ? undefined : pinnedPort('TEST_PG_PORT');
  const kafkaPort = process.env.KAFKA_BROKERS ? undefined : pinnedPort('TEST_KAFKA_PORT');
  // This run's own, removed when it stops.
  const dataDir = mkdtempSync(join(tmpdir(), 'smuggling-cases-test-'));
  // As root, Postgres runs as the `postgres` user, which must reach its data in here.
  chmodSync(dataDir, 0o755);
  const servers = new OwnServers({ dataDir, postgresPort: pgPort, kafkaPort, log });
  try {
    if (process.env.DATABASE_URL) {
      process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    } else {
      await servers.postgres
        .start()
        .catch(pgPort ? naming('TEST_PG_PORT', 'DATABASE_URL') : undefined);
      process.env.TEST_ADMIN_DATABASE_URL = servers.adminUrl;
    }
    if (process.env.KAFKA_BROKERS) {
      process.env.TEST_KAFKA_BROKERS = process.env.KAFKA_BROKERS;
    } else {
      await servers.kafka
        .start()
        .catch(kafkaPort ? naming('TEST_KAFKA_PORT', 'KAFKA_BROKERS') : undefined);
      process.env.TEST_KAFKA_BROKERS = servers.brokers;
    }
  } catch (error) {
    await stopTestServers(servers);
    throw error;
  }
  return servers;
}

export async function stopTestServers(servers: TestServers): Promise<void> {
  await servers.stop({ removeData: true });
}
