import 'reflect-metadata';
import { loadConfig } from '@app/platform';
import { Logger } from '@nestjs/common';
import { createApiApp } from './api.app';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApiApp(config);
  await app.listen(config.port);
  new Logger('API').log(`listening on port ${config.port}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
