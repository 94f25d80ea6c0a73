import { Logger } from '@nestjs/common';
import { isDependencyUnavailable } from '../dependency-unavailable';

const FIRST_WAIT_MS = 1000;
const LONGEST_WAIT_MS = 30_000;

/** A start given up because the process was asked to stop while it waited for a dependency. */
export class StartAbandoned extends Error {
  constructor() {
    super('stopped while waiting for a dependency');
    this.name = 'StartAbandoned';
  }
}

// One per process, as the signals that abort it are: whatever waits, wherever in the modules'
// start, gives up together.
const stopping = new AbortController();

/** Asked to stop (exitOnSignals): every `untilAvailable` still waiting rejects with StartAbandoned. */
export function abandonWaits(): void {
  if (!stopping.signal.aborted) stopping.abort(new StartAbandoned());
}

/**
 * Runs `attempt` until it succeeds, for as long as its failures say that `dependency` cannot be
 * reached (isDependencyUnavailable): a service started before Postgres or Kafka, or while one
 * restarts, waits for it instead of exiting. Each failure is one line at warn (what is down,
 * why, when the next attempt is); the waits double from 1 s to 30 s, each shortened by up to a
 * fifth at random, so that services started together do not knock in step. Any other failure
 * is thrown at once: a wrong password or a broken migration needs a person, not patience.
 *
 * A stop (abandonWaits) rejects at once with StartAbandoned, also during an attempt: it may be
 * stuck on the dependency (a connect retried inside the client, a lock held by another process)
 * and nothing has been served yet that the stop could finish.
 */
export async function untilAvailable<T>(
  dependency: string,
  step: string,
  attempt: () => Promise<T>,
  logger = new Logger('startup'),
): Promise<T> {
  for (let failures = 0; ; failures++) {
    if (stopping.signal.aborted) throw stopping.signal.reason as Error;
    try {
      const result = await abandonedOnStop(attempt());
      if (failures > 0)
        logger.log(`${dependency} is available (${step}) after ${failures + 1} attempts`);
      return result;
    } catch (error) {
      if (error instanceof StartAbandoned || !isDependencyUnavailable(error)) throw error;
      const base = Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** Math.min(failures, 15));
      const waitMs = Math.round(base * (0.8 + 0.2 * Math.random()));
      logger.warn(
        `${dependency} is unavailable (${step}): ${reasonOf(error)}; next attempt in ${waitMs} ms`,
      );
      await abandonedOnStop(new Promise<void>((resolve) => setTimeout(resolve, waitMs)));
    }
  }
}

function abandonedOnStop<T>(work: Promise<T>): Promise<T> {
  const { signal } = stopping;
  return new Promise<T>((resolve, reject) => {
    const abandon = () => reject(signal.reason as Error);
    signal.addEventListener('abort', abandon, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abandon));
  });
}

/** Node's AggregateError of a refused dual-stack connect has no message of its own. */
function reasonOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  if (error.message) return error.message;
  if (error instanceof AggregateError && error.errors.length > 0)
    return error.errors.map(reasonOf).join('; ');
  return (error as { code?: string }).code ?? error.name;
}
