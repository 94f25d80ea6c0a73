import './observability/tracing';
import 'reflect-metadata';
import { createLogger, loadConfig } from '@app/platform';
import { createApiApp } from './api.app';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger('api', config.observability.logLevel);
  const app = await createApiApp(config, { logger });
  await app.listen(config.port);
  logger.info(`listening on port ${config.port}`);
}

main().catch((error: unknown) => {
  createLogger('api', 'info').fatal({ err: error }, 'the API did not start');
  process.exit(1);
});
