import { AuditLogModule } from '@app/audit';
import { EventStoreModule } from '@app/event-store';
import { AppConfig, Clock, ConfigModule, DatabaseModule, SystemClock } from '@app/platform';
import { READ_MODEL_ENTITIES } from '@app/read-models';
import { TokenVerifier } from '@app/auth';
import { DynamicModule, Global, Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { Logger } from 'pino';
import { AuditModule } from './audit/audit.module';
import { ConsultationInterceptor } from './audit/consultation-log/consulted';
import { AccessGuard } from './auth/access.guard';
import { CasesModule } from './cases/cases.module';
import { ProceduresModule } from './procedures/procedures.module';
import { JointOperationsModule } from './joint-operations/joint-operations.module';
import { ConsoleModule } from './console/console.module';
import { CustodyModule } from './custody/custody.module';
import { HealthModule } from './health/health.module';
import { ObservabilityModule } from './observability/observability.module';
import { PeopleModule } from './people/people.module';
import { ReadSideModule } from './read-side/read-side.module';
import { StatisticsModule } from './statistics/statistics.module';

@Global()
@Module({})
export class ApiModule {
  /** `logger`: Nest's logging through pino (main.ts gives one; tests may not). */
  static forRoot(config: AppConfig, logger?: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({ config, entities: READ_MODEL_ENTITIES, applicationName: 'api' }),
        CqrsModule.forRoot(),
        EventStoreModule,
        AuditLogModule,
        ReadSideModule,
        CasesModule,
        ProceduresModule,
        JointOperationsModule,
        CustodyModule,
        StatisticsModule,
        PeopleModule,
        AuditModule,
        HealthModule,
        ConsoleModule,
        ObservabilityModule.forRoot(logger),
      ],
      providers: [
        { provide: Clock, useClass: SystemClock },
        { provide: TokenVerifier, useValue: new TokenVerifier(config.auth) },
        // How often a caller may call is counted before, for every request (api.app.ts).
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_INTERCEPTOR, useClass: ConsultationInterceptor },
      ],
      exports: [Clock, EventStoreModule],
    };
  }
}
