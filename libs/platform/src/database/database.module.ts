import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, EntitySchema } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { untilAvailable } from '../lifecycle/until-available';
import { dataSourceOptions, runMigrations } from './data-source';

/**
 * Connects and migrates before anything runs, waiting for Postgres as long as it is down, or
 * goes away mid-way (a 57P01 while migrating: each migration is its own transaction, and the
 * lock is the session's, so the next attempt goes on where this one stopped).
 *
 * Here rather than by TypeOrmModule's own retries, which give up after a fixed count, each an
 * error with a stack, and fail inside Nest's provider factories, where Nest ends the process
 * itself (exit 1) instead of letting exitOnSignals tell a stop from a crash.
 */
@Injectable()
class ConnectAndMigrateOnStart implements OnModuleInit {
  constructor(private readonly db: DataSource) {}

  async onModuleInit(): Promise<void> {
    // A failed initialize leaves the DataSource unconnected, and the next attempt starts over;
    // a pool it made before the failure (the first query cut) is closed, not left behind.
    await untilAvailable('Postgres', 'connecting', () =>
      this.db.initialize().catch(async (error: unknown) => {
        await this.db.driver.disconnect().catch(() => undefined);
        throw error;
      }),
    );
    await untilAvailable('Postgres', 'migrating', () => runMigrations(this.db));
  }
}

export interface DatabaseModuleOptions {
  readonly config: AppConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  readonly entities: (Function | EntitySchema)[];
  /** Shown in pg_stat_activity, so operators can tell the services' connections apart. */
  readonly applicationName: string;
}

/** The TypeORM DataSource for every app, migrated to the latest schema before anything runs. */
@Module({})
export class DatabaseModule {
  static forRoot({ config, entities, applicationName }: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRoot({
          ...dataSourceOptions(config, entities, applicationName),
          manualInitialization: true,
        }),
      ],
      providers: [ConnectAndMigrateOnStart],
    };
  }
}
