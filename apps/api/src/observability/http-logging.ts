import { RequestMethod } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import { Logger } from 'pino';
import { Options, pinoHttp } from 'pino-http';
import { Params } from 'nestjs-pino';
import { Response } from 'express';
import { ProblemLocals } from '../http/problem-details';

interface LoggedRequest extends IncomingMessage {
  correlationId?: string;
  originalUrl?: string;
}

/** Probes and scrapes come every few seconds: their answers are not logged. */
const PROBES = /^\/(health\/(live|ready)|metrics)(\?|$)/;

/** The path without its query: a query is the caller's input and may hold anything. */
const pathOf = (req: { url?: string; originalUrl?: string }) =>
  (req.originalUrl ?? req.url ?? '').split('?')[0];

/**
 * One line per answered request, and the request's context on every line logged while it
 * is served: `correlationId` (X-Correlation-Id, which the events' metadata and the Kafka
 * headers carry on to the projector). Method, path, status and time only: no header, no
 * query, no body is ever written (the logger's redaction is the second lock).
 */
function httpLoggingOptions(logger: Logger): Options {
  return {
    logger,
    // correlationIdMiddleware runs first and sets it; the fallback is for a request it did not see.
    genReqId: (req) => (req as LoggedRequest).correlationId ?? randomUUID(),
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'correlationId' },
    autoLogging: { ignore: (req) => req.method === 'GET' && PROBES.test(pathOf(req)) },
    // A 503 is expected while a dependency is away or a read model catches up, and the client
    // retries: a warning. Errors are for what needs a person.
    customLogLevel: (_req, res, error) =>
      res.statusCode === 503 ? 'warn' : error || res.statusCode >= 500 ? 'error' : 'info',
    // The problem's code, and for a 503 the dependency's own words on why.
    customProps: (_req, res) => {
      const { problemCode, unavailableBecause } = ((res as Partial<Response>).locals ??
        {}) as ProblemLocals;
      return {
        ...(problemCode && { code: problemCode }),
        ...(unavailableBecause && { cause: unavailableBecause }),
      };
    },
    // pino-http makes up an error for any 5xx; for a 503 it says nothing the line does not.
    customErrorObject: (_req, res, _error, value: Record<string, unknown>) => {
      if (res.statusCode !== 503) return value;
      const { err: _made_up, ...rest } = value;
      return rest;
    },
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, path: pathOf(req) }),
      res: (res: ServerResponse | { statusCode?: number }) => ({ statusCode: res.statusCode }),
    },
  };
}

/** pino-http, as Express middleware: installed right after the correlation id is known. */
export function httpLogging(logger: Logger) {
  return pinoHttp(httpLoggingOptions(logger));
}

/**
 * nestjs-pino over the pino-http above (`useExisting`): Nest's loggers write through pino,
 * with the request's context while a request is served.
 */
export function nestLoggingParams(logger: Logger): Params {
  return {
    pinoHttp: { logger },
    useExisting: true,
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
  };
}
