import { LoggerService } from '@nestjs/common';
import pino, { DestinationStream, Level, Logger } from 'pino';
import { LogLevel } from '../config/app-config';

/**
 * Never written, whatever a line carries: credentials, the stated reasons of a consultation
 * (free text that may name a person), bodies, and the values a failed query was given. The
 * request serializers below already leave these out; this is the second lock.
 */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-justification"]',
  'req.headers["x-disclosure-recipient"]',
  'req.body',
  'req.query',
  'res.headers["set-cookie"]',
  'res.body',
  'err.parameters',
  'err.driverError.parameters',
  'authorization',
  'token',
  'body',
  'data',
];

/**
 * The JSON-lines logger of one service: `service` on every line, the level as its name,
 * ISO timestamps. Written synchronously to stdout unless a destination is given.
 */
export function createLogger(
  service: string,
  level: LogLevel,
  destination?: DestinationStream,
): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
  };
  return destination ? pino(options, destination) : pino(options);
}

/**
 * Nest's logger interface over pino, for the services without HTTP (the relay, the
 * projector): a `new Logger('name')` anywhere in them writes a JSON line with `context`.
 * Object messages become fields of the line.
 */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }

  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params, true);
  }

  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }

  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }

  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }

  fatal(message: unknown, ...params: unknown[]): void {
    this.write('fatal', message, params, true);
  }

  private write(level: Level, message: unknown, params: unknown[], mayHaveStack = false): void {
    const rest = [...params];
    // Nest passes the logger's name last; error() passes a stack before it.
    const last = rest[rest.length - 1];
    const context =
      typeof last === 'string' && !(mayHaveStack && rest.length === 1 && isStack(last))
        ? (rest.pop() as string)
        : undefined;
    const stack = mayHaveStack && typeof rest[0] === 'string' ? rest[0] : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    if (message instanceof Error) {
      this.logger[level]({ ...fields, err: message }, message.message);
    } else if (message !== null && typeof message === 'object') {
      this.logger[level]({ ...fields, ...(message as Record<string, unknown>) });
    } else {
      this.logger[level](stack ? { ...fields, stack } : fields, String(message));
    }
  }
}

const isStack = (text: string) => /\n\s+at /.test(text);
