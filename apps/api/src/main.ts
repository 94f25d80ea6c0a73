import './observability/tracing';
import 'reflect-metadata';
import { createLogger, exitOnSignals, loadConfig } from '@app/platform';
import { Server } from 'node:http';
import { createApiApp } from './api.app';
import { trackRequestsForDrain } from './http/drain';

const config = loadConfig();
const logger = createLogger('api', config.observability.logLevel);
exitOnSignals(
  (async () => {
    const app = await createApiApp(config, { logger });
    const drain = trackRequestsForDrain(app.getHttpServer() as Server);
    await app.listen(config.port);
    logger.info(`listening on port ${config.port}`);
    return { app, drain };
  })(),
  { graceMs: config.shutdownGraceMs, logger },
);
