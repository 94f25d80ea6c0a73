import 'reflect-metadata';
import { loadConfig } from '@app/platform';
import { NestFactory } from '@nestjs/core';
import { ProjectorModule } from './projector.module';

async function main(): Promise<void> {
  const app = await NestFactory.createApplicationContext(ProjectorModule.forRoot(loadConfig()));
  app.enableShutdownHooks();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
