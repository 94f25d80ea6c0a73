import './tracing';
import 'reflect-metadata';
import { PinoNestLogger, createLogger, exitOnSignals, loadConfig } from '@app/platform';
import { NestFactory } from '@nestjs/core';
import { RelayModule } from './relay.module';

const config = loadConfig();
const logger = createLogger('relay', config.observability.logLevel);
exitOnSignals(
  NestFactory.createApplicationContext(RelayModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
  }).then((app) => ({ app })),
  { graceMs: config.shutdownGraceMs, logger },
);
