import { TracingShutdown } from '@app/platform';
import { DynamicModule, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { Logger } from 'pino';
import { ApiMetrics } from './api-metrics';
import { nestLoggingParams } from './http-logging';
import { MetricsController } from './metrics.controller';
import { CommandNameInterceptor } from './observe-requests';

/** Metrics (GET /metrics), Nest's logging through pino when a logger is given, tracing's end. */
@Module({})
export class ObservabilityModule {
  static forRoot(logger?: Logger): DynamicModule {
    return {
      module: ObservabilityModule,
      imports: logger ? [LoggerModule.forRoot(nestLoggingParams(logger))] : [],
      controllers: [MetricsController],
      providers: [
        ApiMetrics,
        { provide: APP_INTERCEPTOR, useClass: CommandNameInterceptor },
        TracingShutdown,
      ],
      exports: [ApiMetrics],
    };
  }
}
