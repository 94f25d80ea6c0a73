/*
 * Loaded by Jest's global setup, outside Jest's module registry: relative imports only.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  LocalKafka,
  LocalPostgres,
  ensureKafka,
  ensurePostgres,
  freePorts,
} from '../../libs/local-infra/src';

export interface TestServers {
  postgres?: LocalPostgres;
  kafka?: LocalKafka;
  /** The servers' data, this run's own, removed when it stops. */
  dataDir: string;
}

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
  const servers: TestServers = { dataDir: mkdtempSync(join(tmpdir(), 'smuggling-cases-test-')) };
  // As root, Postgres runs as the `postgres` user, which must reach its data in here.
  chmodSync(servers.dataDir, 0o755);
  try {
    if (process.env.DATABASE_URL) {
      process.env.TEST_ADMIN_DATABASE_URL = process.env.DATABASE_URL;
    } else {
      const pinned = pinnedPort('TEST_PG_PORT');
      const [port] = pinned ? [pinned] : await freePorts(1);
      const dir = join(servers.dataDir, 'postgres');
      servers.postgres = await ensurePostgres({ dataDir: dir, port, reuse: false }).catch(
        pinned ? naming('TEST_PG_PORT', 'DATABASE_URL') : undefined,
      );
      process.env.TEST_ADMIN_DATABASE_URL = servers.postgres.adminUrl;
      log(`Postgres on 127.0.0.1:${port}`);
    }
    if (process.env.KAFKA_BROKERS) {
      process.env.TEST_KAFKA_BROKERS = process.env.KAFKA_BROKERS;
    } else {
      const pinned = pinnedPort('TEST_KAFKA_PORT');
      const [port, controllerPort] = pinned ? [pinned, pinned + 1] : await freePorts(2);
      servers.kafka = await ensureKafka({
        dataDir: join(servers.dataDir, 'kafka'),
        port,
        controllerPort,
        reuse: false,
        log,
      }).catch(pinned ? naming('TEST_KAFKA_PORT', 'KAFKA_BROKERS') : undefined);
      process.env.TEST_KAFKA_BROKERS = servers.kafka.brokers;
    }
  } catch (error) {
    await stopTestServers(servers);
    throw error;
  }
  return servers;
}

export async function stopTestServers(servers: TestServers): Promise<void> {
  await servers.kafka?.stop();
  await servers.postgres?.stop();
  rmSync(servers.dataDir, { recursive: true, force: true });
}
