import { EventStoreModule } from '@app/event-store';
import { AppConfig, Clock, ConfigModule, DatabaseModule, SystemClock } from '@app/platform';
import { READ_MODEL_ENTITIES } from '@app/read-models';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { CasesModule } from './cases/cases.module';
import { HealthModule } from './health/health.module';

@Global()
@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ config, entities: READ_MODEL_ENTITIES, applicationName: 'api' }),
        CqrsModule.forRoot(),
        EventStoreModule,
        CasesModule,
        HealthModule,
      ],
      providers: [{ provide: Clock, useClass: SystemClock }],
      exports: [Clock, EventStoreModule],
    };
  }
}
