import { TokenVerifier } from '@app/auth';
import { AppConfig, PinoNestLogger } from '@app/platform';
import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger as PinoLogger } from 'nestjs-pino';
import { Logger } from 'pino';
import { ApiModule } from './api.module';
import { consoleFiles } from './console/console-files';
import { authenticate, refuseUnauthenticated } from './auth/authenticate.middleware';
import { RateLimiter, rateLimit } from './auth/rate-limit.middleware';
import {
  jsonBodyParser,
  middlewareErrors,
  refuseHostileJson,
  requireJsonBody,
} from './http/body-parsing';
import { requireOneValidHost } from './http/host-header';
import { configureHttpServer } from './http/http-server';
import { setupOpenApi } from './http/openapi';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { correlationIdMiddleware } from './http/request-context';
import { requestValidationPipe } from './http/request-validation';
import { fixedSecurityHeaders, securityHeaders } from './http/security-headers';
import { ApiMetrics } from './observability/api-metrics';
import { httpLogging } from './observability/http-logging';
import { observeRequests } from './observability/observe-requests';

export interface ApiAppOptions {
  /**
   * Where the API logs: JSON lines through pino, for each request and for Nest's loggers.
   * main.ts gives one; without it (tests in one process with the relay and the projector)
   * Nest's logger stays as it is and no request is logged.
   */
  readonly logger?: Logger;
}

/** The API exactly as it runs in production; tests start it through this too. */
export async function createApiApp(
  config: AppConfig,
  { logger }: ApiAppOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule.forRoot(config, logger), {
    bodyParser: false,
    // Written as they come while the app starts (a wait for Postgres says so at once), then
    // through nestjs-pino, which adds the request's context.
    ...(logger ? { logger: new PinoNestLogger(logger) } : { bufferLogs: true }),
    // Closing the app cuts the connections still open. A stopping API drains its requests
    // before that (http/drain.ts, main.ts); tests close it at once.
    forceCloseConnections: true,
  });
  if (logger) app.useLogger(app.get(PinoLogger));
  app.disable('x-powered-by');
  const metrics = app.get(ApiMetrics);
  const headers = securityHeaders(config);
  configureHttpServer(app.getHttpServer(), config.http.server, {
    securityHeaders: fixedSecurityHeaders(headers),
    onRefusal: (status, code) => metrics.problem(status, code),
    logger,
  });
  app.use(headers);
  // Closed unless origins are configured: this API serves other services, not browsers.
  if (config.http.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.http.corsOrigins,
      exposedHeaders: ['ETag', 'Location', 'Retry-After', 'WWW-Authenticate', 'X-Correlation-Id'],
    });
  }
  app.use(
    correlationIdMiddleware,
    ...(logger ? [httpLogging(logger)] : []),
    observeRequests(metrics),
    // Who is calling, then the count against them, before anything may refuse the request.
    authenticate(app.get(TokenVerifier)),
    rateLimit(new RateLimiter(config.http.rateLimitPerMinute)),
    requireOneValidHost,
    refuseUnauthenticated,
    requireJsonBody,
    jsonBodyParser,
    refuseHostileJson,
  );
  // The console's pages: static files, public like the OpenAPI page; every datum they show
  // comes through the routes below, with the user's token.
  const pages = consoleFiles();
  if (pages) app.useStaticAssets(pages, { prefix: '/console/', index: 'index.html' });
  app.useGlobalPipes(requestValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupOpenApi(app);
  app.use(middlewareErrors);
  return app;
}
