import './tracing';
import 'reflect-metadata';
import { PinoNestLogger, createLogger, loadConfig } from '@app/platform';
import { NestFactory } from '@nestjs/core';
import { RelayModule } from './relay.module';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = new PinoNestLogger(createLogger('relay', config.observability.logLevel));
  const app = await NestFactory.createApplicationContext(RelayModule.forRoot(config), { logger });
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  createLogger('relay', 'info').fatal({ err: error }, 'the relay did not start');
  process.exit(1);
});
