/**
 * Does this failure mean that Postgres or Kafka is unreachable or went away, so that the
 * same request may succeed later (503 with Retry-After), rather than a defect (500)?
 *
 * Judged by cause, wherever in the stack it was thrown: a driver wraps what went wrong
 * (TypeORM's `driverError`, the standard `cause`, kafkajs' `originalError`, an
 * AggregateError's `errors`), so every link of the chain is looked at, and a link counts when
 * it is
 * - a failed system call on a socket (Node's system errors carry `syscall`), or a socket
 *   error code a driver copied without it;
 * - a Postgres error of a class that says the server cannot serve now: 08 connection
 *   exception, 53 insufficient resources, 57 operator intervention (shutdown, terminated
 *   backend, statement timeout), 58 system error;
 * - a Kafka error the client itself calls retriable (broker gone, leader moving), or a timeout;
 * - a failure to connect at all, marked where the connection is made (markConnectFailure);
 * - a client that lost its connection and says so: pg's "Connection terminated", "not
 *   queryable", a pool that cannot connect in time; TypeORM's query runner released under a
 *   running request (it releases the runner when pg reports the connection's error), or a
 *   DataSource not connected.
 * Anything else (a constraint, bad SQL, a bug) is not an outage and stays a 500.
 */
export function isDependencyUnavailable(error: unknown): boolean {
  return causes(error).some(meansUnavailable);
}

const CONNECT_FAILURE = Symbol('connect failure');

/**
 * Marks an error as a failure to connect to a dependency, whatever it says otherwise (the
 * database pool's client marks its own: data-source.ts): such a failure is an outage.
 */
export function markConnectFailure<E extends Error>(error: E): E {
  return Object.assign(error, { [CONNECT_FAILURE]: true });
}

const SOCKET_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const UNAVAILABLE_SQLSTATE_CLASSES = new Set(['08', '53', '57', '58']);

/** pg's words for a connection that broke, was closed under a query, or could not be had. */
const LOST_CONNECTION_MESSAGE =
  /Connection terminated|not queryable|timeout exceeded when trying to connect|Query read timeout/;

const LOST_CONNECTION_ERROR_NAMES = new Set([
  'QueryRunnerAlreadyReleasedError',
  'QueryRunnerProviderAlreadyReleasedError',
  'CannotExecuteNotConnectedError',
]);

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  syscall?: unknown;
  retriable?: unknown;
  driverError?: unknown;
  cause?: unknown;
  originalError?: unknown;
  errors?: unknown;
}

function meansUnavailable(link: ErrorLike): boolean {
  if ((link as { [CONNECT_FAILURE]?: boolean })[CONNECT_FAILURE] === true) return true;
  if (typeof link.syscall === 'string') return true;
  const code = link.code;
  if (typeof code === 'string') {
    if (SOCKET_ERROR_CODES.has(code)) return true;
    if (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_SQLSTATE_CLASSES.has(code.slice(0, 2)))
      return true;
  }
  const name = typeof link.name === 'string' ? link.name : '';
  // KafkaJSTimeout is marked not retriable (retrying inside the client would not help) but
  // means the broker did not answer in time: a later request may well succeed.
  if (name.startsWith('KafkaJS') && (link.retriable === true || name === 'KafkaJSTimeout'))
    return true;
  if (LOST_CONNECTION_ERROR_NAMES.has(name)) return true;
  return typeof link.message === 'string' && LOST_CONNECTION_MESSAGE.test(link.message);
}

/** The error and everything it wraps, each once (a cycle ends the walk). */
function causes(error: unknown): ErrorLike[] {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  const found: ErrorLike[] = [];
  while (pending.length > 0 && found.length < 32) {
    const next = pending.pop();
    if (typeof next !== 'object' || next === null || seen.has(next)) continue;
    seen.add(next);
    const link = next as ErrorLike;
    found.push(link);
    pending.push(link.driverError, link.cause, link.originalError);
    if (Array.isArray(link.errors)) pending.push(...(link.errors as unknown[]));
  }
  return found;
}
