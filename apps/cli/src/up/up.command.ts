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
import { SupervisedServer, Supervisor } from './supervisor';

const log = (line: string) => console.log(`[up] ${line}`);

/**
 * Starts the whole system. Postgres and Kafka are used as configured (DATABASE_URL,
 * KAFKA_BROKERS); when not configured, a local Postgres and a local Kafka broker are started,
 * restarted if they die, and stopped with the system.
 */
async function up(options: { pgPort: string; kafkaPort: string }): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  let postgres: SupervisedServer<LocalPostgres> | undefined;
  let kafka: SupervisedServer<LocalKafka> | undefined;
  let supervisor: Supervisor | undefined;
  let shuttingDown = false;

  const shutdown = async (exitCode: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log('stopping...');
    // Whatever exits from now on stays down: a Ctrl-C reaches every process of the terminal.
    for (const watched of [supervisor, kafka, postgres]) watched?.stopRestarting();
    await supervisor?.stop();
    await kafka?.stop();
    await postgres?.stop();
    log('stopped');
    process.exit(exitCode);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void shutdown(0));

  try {
    if (!env.DATABASE_URL) {
      const dir = postgresDataDir('postgres');
      const port = Number(options.pgPort);
      postgres = new SupervisedServer(
        'Postgres',
        (restart) => ensurePostgres({ dataDir: dir, port, reuse: !restart }),
        (server) => `on 127.0.0.1:${port}, pid ${server.pid}`,
      );
      const server = await postgres.start();
      env.DATABASE_URL = await ensureDatabase(server.adminUrl, LOCAL_DATABASE);
      log(
        server.started
          ? `Postgres started on 127.0.0.1:${port} (pid ${server.pid}, data: ${dir})`
          : `Postgres reused on 127.0.0.1:${port} (data: ${dir})`,
      );
    }
    if (!env.KAFKA_BROKERS) {
      const port = Number(options.kafkaPort);
      const start = (restart: boolean) =>
        ensureKafka({
          dataDir: dataDir('kafka'),
          port,
          controllerPort: port + 1,
          reuse: !restart,
          log,
        });
      kafka = new SupervisedServer(
        'Kafka broker',
        start,
        (broker) => `on ${broker.brokers}, pid ${broker.pid}`,
      );
      const broker = await kafka.start();
      env.KAFKA_BROKERS = broker.brokers;
      log(
        broker.started
          ? `Kafka started on ${broker.brokers} (pid ${broker.pid})`
          : `Kafka reused on ${broker.brokers}`,
      );
    }
    Object.assign(env, localSecrets(join(dataDir('secrets'), 'local-keys.json'), env));
    // A local run on its own shared secret: the console offers a sign-in as any role.
    if (env.AUTH_JWT_SECRET && env.CONSOLE_LOCAL_SIGN_IN === undefined) {
      env.CONSOLE_LOCAL_SIGN_IN = 'true';
    }
    const config = loadConfig(env);
    supervisor = new Supervisor(env);
    supervisor.start(['api', 'relay', 'projector']);
    log(
      `API on http://localhost:${config.port} (console at /console, OpenAPI at /docs); Ctrl-C stops everything`,
    );
  } catch (error) {
    console.error(`[up] ${error instanceof Error ? error.message : String(error)}`);
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
