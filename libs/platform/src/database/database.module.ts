import { DynamicModule, Injectable, Module, OnModuleInit } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, EntitySchema } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { dataSourceOptions, runMigrations } from './data-source';

@Injectable()
class MigrateOnStart implements OnModuleInit {
  constructor(private readonly db: DataSource) {}

  onModuleInit(): Promise<void> {
    return runMigrations(this.db);
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
          retryAttempts: 30,
          retryDelay: 1000,
        }),
      ],
      providers: [MigrateOnStart],
    };
  }
}
