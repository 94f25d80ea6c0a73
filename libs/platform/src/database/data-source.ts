import { Client } from 'pg';
import { DataSource, DataSourceOptions, EntitySchema } from 'typeorm';
import { markConnectFailure } from '../dependency-unavailable';
import { AppConfig } from '../config/app-config';
import { MIGRATIONS } from './migrations';

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
type Entity = Function | EntitySchema;

export function dataSourceOptions(
  config: Pick<AppConfig, 'databaseUrl' | 'databasePoolSize'>,
  entities: Entity[],
  applicationName: string,
): DataSourceOptions {
  return {
    type: 'postgres',
    url: config.databaseUrl,
    applicationName,
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    migrationsRun: false,
    synchronize: false,
    extra: { max: config.databasePoolSize, Client: ConnectFailureMarkingClient },
  };
}

type ConnectCallback = (error: Error | null, client?: Client) => void;

/**
 * pg's client, but a failure to connect says so (markConnectFailure): whatever Postgres
 * answers then (the server starting or stopping, a database that refuses connections, no
 * slot left), the request could not get a connection, and that is an outage, not a defect.
 *
 * And a connection Postgres ends between two queries never ends the process. pg emits the
 * server's "terminating connection" (57P01) as an 'error' event, which the pool (idle clients)
 * and TypeORM's query runner (clients in use) listen to. Once, while Postgres stopped in the
 * fault suite, such an event reached a client neither was listening to, and Node threw it and
 * ended the API. The connection is dead either way: the next query on it fails, and that
 * request answers 503; this listener only keeps the event from ending the process.
 */
class ConnectFailureMarkingClient extends Client {
  constructor(...args: ConstructorParameters<typeof Client>) {
    super(...args);
    this.on('error', () => undefined);
  }

  override connect(): Promise<Client>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<Client> | void {
    if (!callback) {
      return super.connect().catch((error: Error) => {
        throw markConnectFailure(error);
      });
    }
    super.connect((error: Error | null) =>
      error ? callback(markConnectFailure(error)) : callback(null, this),
    );
  }
}

/** Arbitrary but fixed: every process that migrates takes this lock first. */
const MIGRATION_LOCK_ID = 7_308_001;

/**
 * API, relay and projector all migrate on start. TypeORM does not guard against two
 * processes migrating at once, so they queue on a Postgres advisory lock.
 */
export async function runMigrations(dataSource: DataSource): Promise<void> {
  const runner = dataSource.createQueryRunner();
  try {
    await runner.connect();
    await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_ID]);
    try {
      await dataSource.runMigrations({ transaction: 'each' });
    } finally {
      await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_ID]);
    }
  } finally {
    await runner.release();
  }
}
