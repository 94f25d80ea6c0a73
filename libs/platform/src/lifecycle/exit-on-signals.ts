import { INestApplicationContext } from '@nestjs/common';
import { Logger } from 'pino';
import { StartAbandoned, abandonWaits } from './until-available';

export interface RunningService {
  readonly app: INestApplicationContext;
  /** Work to let finish before the app's modules shut down (the API's requests in flight). */
  readonly drain?: () => Promise<void>;
}

/**
 * Runs a service until SIGTERM or SIGINT, then stops it and exits 0, or 1 if it did not stop
 * within `graceMs` (saying what it was still waiting for) or did not start at all.
 *
 * Nest's own shutdown hooks close the app and then send the process the same signal again,
 * so an orchestrator sees a death by signal and cannot tell a clean stop from a crash. The
 * signals are taken here before the service has started: a stop that comes while it is still
 * starting waits for the start, then stops it the same way, unless the start is at a step that
 * needs Postgres or Kafka (untilAvailable: connecting, migrating, creating the topic, the
 * projector's consumers joining their groups). That step may wait for as long as the dependency
 * is down, so it is given up and the process exits 0 at once: it has served nothing yet, and
 * what a consumer applied is redelivered as after any crash. Stopping drains, then closes the
 * app: each module's shutdown, such as the relay's batch in flight, the projector's consumers
 * committing and leaving their groups, the pools.
 */
export function exitOnSignals(
  starting: Promise<RunningService>,
  { graceMs, logger }: { graceMs: number; logger: Logger },
): void {
  let stage: 'running' | 'starting' | 'draining' | 'closing' = 'running';
  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stage !== 'running') return;
    const started = Date.now();
    logger.info({ signal, graceMs }, 'shutting down: finishing the work in flight');
    setTimeout(() => {
      logger.error({ graceMs, stage }, 'not stopped within the grace period; exiting');
      process.exit(1);
    }, graceMs);
    try {
      stage = 'starting';
      abandonWaits();
      const { app, drain } = await starting;
      stage = 'draining';
      await drain?.();
      stage = 'closing';
      await app.close();
      logger.info({ ms: Date.now() - started }, 'stopped');
      process.exit(0);
    } catch (error) {
      if (error instanceof StartAbandoned) {
        logger.info({ ms: Date.now() - started }, 'stopped while waiting for a dependency');
        process.exit(0);
      }
      logger.error({ err: error, stage }, 'shutdown failed');
      process.exit(1);
    }
  };
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => void stop(signal));
  starting.catch((error: unknown) => {
    // Only a stop abandons a start; that stop ends the process.
    if (error instanceof StartAbandoned) return;
    logger.fatal({ err: error }, 'did not start');
    process.exit(1);
  });
}
