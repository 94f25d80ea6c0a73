import './tracing';
import 'reflect-metadata';
import { PinoNestLogger, createLogger, exitOnSignals, loadConfig } from '@app/platform';
import { NestFactory } from '@nestjs/core';
import { ProjectorModule } from './projector.module';

const config = loadConfig();
const logger = createLogger('projector', config.observability.logLevel);
exitOnSignals(
  NestFactory.createApplicationContext(ProjectorModule.forRoot(config), {
    logger: new PinoNestLogger(logger),
  }).then((app) => ({ app })),
  { graceMs: config.shutdownGraceMs, logger },
);
