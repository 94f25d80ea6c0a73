import { ConfigError, TracingConfig, loadTracingConfig } from '../config/app-config';
import type { Tracing } from './otel-sdk';

export type { Tracing };

// Tracing is process-wide (OpenTelemetry registers global providers), and so is this.
let active: Tracing | undefined;

/**
 * Starts OpenTelemetry tracing when it is switched on (OTEL_ENABLED=true): HTTP, Express,
 * Postgres and kafkajs spans, sent to the OTLP/HTTP collector. It must run before those
 * modules are loaded, so each app's main.ts imports its `tracing.ts` first. Only traces: the
 * metrics are Prometheus's (GET /metrics), the logs are pino's. Span attributes hold no
 * values: the pg instrumentation records statements with their placeholders, not parameters.
 */
export function startTracing(app: string, config: TracingConfig): Tracing | undefined {
  if (!config.enabled || active) return active;
  // Loaded only when on: the SDK and its instrumentations take seconds to load.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { startSdk } = require('./otel-sdk') as typeof import('./otel-sdk');
  const tracing = startSdk(app, config);
  active = {
    shutdown: async () => {
      active = undefined;
      await tracing.shutdown();
    },
  };
  return active;
}

/**
 * As each app's main.ts starts it. A bad OTEL_* value starts no tracing here; `loadConfig`,
 * which reads the same variables, then stops the app naming them with every other problem.
 */
export function startTracingFromEnv(app: string, env = process.env): Tracing | undefined {
  try {
    return startTracing(app, loadTracingConfig(env));
  } catch (error) {
    if (error instanceof ConfigError) return undefined;
    throw error;
  }
}

/** Sends the spans still buffered and stops tracing, if it runs. */
export async function stopTracing(): Promise<void> {
  await active?.shutdown();
}
