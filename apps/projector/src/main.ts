import './tracing';
import 'reflect-metadata';
import { PinoNestLogger, createLogger, loadConfig } from '@app/platform';
import { NestFactory } from '@nestjs/core';
import { ProjectorModule } from './projector.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new PinoNestLogger(createLogger('projector', config.observability.logLevel));
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(config), {
    logger,
  });
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  createLogger('projector', 'info').fatal({ err: error }, 'the projector did not start');
  process.exit(1);
});
