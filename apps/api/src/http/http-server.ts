import { HttpServerConfig } from '@app/platform';
import { STATUS_CODES, Server, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { Logger } from 'pino';
import { ProblemCode } from './problem-catalogue';
import { PROBLEM_CONTENT_TYPE, ProblemDetails, problem } from './problem-details';

/**
 * Node checks the headers and request timeouts only this often (every 30 s by default), so a
 * request may run this much past them before its 408.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 1_000;

const DROP_WARNING_INTERVAL_MS = 60_000;

export interface HttpServerOptions {
  /** Headers every answer carries (helmet's), for the answers Node gives before Express. */
  readonly securityHeaders: Readonly<Record<string, string>>;
  /** Counts a refusal Node gives, as observeRequests counts those Express gives. */
  readonly onRefusal?: (status: number, code: string) => void;
  readonly logger?: Logger;
}

/** Node's parser errors (llhttp's `HPE_*`) and its timeout, by the answer they get. */
const REFUSALS: Readonly<Record<string, readonly [code: ProblemCode, title: string]>> = {
  HPE_HEADER_OVERFLOW: ['REQUEST.HEADERS_TOO_LARGE', 'The request headers are too large.'],
  HPE_CHUNK_EXTENSIONS_OVERFLOW: ['REQUEST.TOO_LARGE', 'The chunk extensions are too large.'],
  ERR_HTTP_REQUEST_TIMEOUT: ['REQUEST.TIMEOUT', 'The request did not arrive in time.'],
};
const MALFORMED = ['REQUEST.MALFORMED', 'The request is not valid HTTP/1.1.'] as const;

/**
 * The API's HTTP server as it runs, in production and in tests (createApiApp calls this
 * before the server listens): its timeouts, its cap on connections, and problem answers for
 * the requests Node refuses before Express sees them.
 */
export function configureHttpServer(
  server: Server,
  config: HttpServerConfig,
  options: HttpServerOptions,
): void {
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  server.headersTimeout = config.headersTimeoutMs;
  server.requestTimeout = config.requestTimeoutMs;
  server.maxConnections = config.maxConnections;
  // A public property that Node reads when the server starts listening.
  (server as { connectionsCheckingInterval?: number }).connectionsCheckingInterval =
    TIMEOUT_CHECK_INTERVAL_MS;

  let lastDropWarning = -Infinity;
  server.on('drop', () => {
    if (performance.now() - lastDropWarning < DROP_WARNING_INTERVAL_MS) return;
    lastDropWarning = performance.now();
    options.logger?.warn(
      `refusing connections: ${config.maxConnections} are open (HTTP_MAX_CONNECTIONS)`,
    );
  });

  server.on('clientError', (error: Error & { code?: string }, socket: Socket) => {
    // An answer already under way on this connection cannot be followed by another one.
    const answering = (socket as Socket & { _httpMessage?: ServerResponse })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || answering?.headersSent) {
      socket.destroy();
      return;
    }
    const [code, title] = REFUSALS[error.code ?? ''] ?? MALFORMED;
    const body = problem(code, title);
    options.onRefusal?.(body.status, code);
    socket.end(rawProblem(body, options.securityHeaders), () => socket.destroy());
  });
}

/** A whole HTTP/1.1 answer: there is no request or response object to write it through. */
function rawProblem(
  answer: ProblemDetails,
  securityHeaders: Readonly<Record<string, string>>,
): string {
  const body = JSON.stringify(answer);
  const headers = {
    ...securityHeaders,
    'Content-Type': PROBLEM_CONTENT_TYPE,
    'Content-Length': String(Buffer.byteLength(body)),
    Date: new Date().toUTCString(),
    Connection: 'close',
  };
  const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
  return `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status]}\r\n${lines.join('\r\n')}\r\n\r\n${body}`;
}
