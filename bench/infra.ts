import { OwnServers, postgresDataDir } from '@app/local-infra';
import {
  AppConfig,
  createKafka,
  dataSourceOptions,
  ensureTopic,
  loadConfig,
  runMigrations,
} from '@app/platform';
import { READ_MODEL_ENTITIES } from '@app/read-models';
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

export const BENCH_PG_PORT = Number(process.env.BENCH_PG_PORT ?? 56499);
export const BENCH_KAFKA_PORT = Number(process.env.BENCH_KAFKA_PORT ?? 39692);

/** Migrated once; every benchmark's database is a copy of it, which takes a fraction of a second. */
const TEMPLATE = 'bench_template';

export interface Environment {
  readonly env: NodeJS.ProcessEnv;
  readonly config: AppConfig;
}

/**
 * The bench's own Postgres and Kafka, on ports of their own and started afresh, so that nothing
 * left by tests or an earlier run weighs on the figures; both are stopped at the end.
 */
export class BenchInfra {
  private servers?: OwnServers;
  private readonly secrets = {
    AUTH_JWT_SECRET: randomBytes(32).toString('base64'),
    PERSONAL_DATA_KEY: randomBytes(32).toString('base64'),
    IDENTITY_HASH_KEY: randomBytes(32).toString('base64'),
  };
  private topics = 0;

  get brokers(): string {
    return this.running.brokers;
  }

  get adminUrl(): string {
    return this.running.adminUrl;
  }

  /** The processes the servers were started as (their children are theirs too): for CPU. */
  get serverPids(): { postgres: number; broker: number } {
    return this.running.pids;
  }

  async start(log: (line: string) => void): Promise<void> {
    // Known before they start: an interrupt meanwhile stops what has started (run.ts).
    this.servers = new OwnServers({
      dataDir: postgresDataDir(`bench-${BENCH_PG_PORT}`),
      postgresPort: BENCH_PG_PORT,
      kafkaPort: BENCH_KAFKA_PORT,
      kafkaHeap: '1g',
      log,
    });
    await this.servers.start();
    const url = await this.createDatabase(TEMPLATE);
    const db = new DataSource(dataSourceOptions(this.environment(url).config, [], 'bench'));
    await db.initialize();
    await runMigrations(db);
    await db.destroy();
  }

  async stop(): Promise<void> {
    await this.servers?.stop();
  }

  private get running(): OwnServers {
    if (!this.servers) throw new Error('the servers are not running');
    return this.servers;
  }

  /** A fresh database with the project's migrations applied; an earlier one of the name is dropped. */
  migratedDatabase(name: string): Promise<string> {
    return this.createDatabase(name, TEMPLATE);
  }

  /** A copy of a database as it is now (nobody may be connected to it). */
  copyOf(source: string, name: string): Promise<string> {
    return this.createDatabase(name, source);
  }

  /** A fresh, empty database (for Emmett, which makes its own schema). */
  emptyDatabase(name: string): Promise<string> {
    return this.createDatabase(name);
  }

  private async createDatabase(name: string, template?: string): Promise<string> {
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) throw new Error(`bad database name ${name}`);
    const client = new Client({ connectionString: this.adminUrl });
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
    } finally {
      await client.end();
    }
    const url = new URL(this.adminUrl);
    url.pathname = `/${name}`;
    return url.toString();
  }

  /** The apps' environment for a database and a topic of their own. */
  environment(databaseUrl: string, extra: NodeJS.ProcessEnv = {}): Environment {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      ...this.secrets,
      DATABASE_URL: databaseUrl,
      KAFKA_BROKERS: this.brokers,
      KAFKA_TOPIC: `bench.events.${process.pid}.${++this.topics}`,
      KAFKA_PARTITIONS: '6',
      PROJECTOR_GROUP_PREFIX: `bench.projector.${process.pid}.${this.topics}`,
      RATE_LIMIT_PER_MINUTE: '1000000',
      LOG_LEVEL: 'warn',
      OTEL_ENABLED: 'false',
      ...extra,
    };
    return { env, config: loadConfig(env) };
  }

  async dataSource(config: AppConfig, poolSize: number, name: string): Promise<DataSource> {
    const db = new DataSource(
      dataSourceOptions({ ...config, databasePoolSize: poolSize }, READ_MODEL_ENTITIES, name),
    );
    await db.initialize();
    return db;
  }

  async topic(config: AppConfig): Promise<void> {
    await ensureTopic(createKafka(config.kafka, 'bench'), config.kafka);
  }
}
