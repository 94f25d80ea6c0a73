/**
 * main.ts imports this first: tracing must start before http, express, pg and kafkajs are
 * loaded, so that its instrumentations wrap them. By path, not through '@app/platform',
 * whose index loads them.
 */
import { startTracingFromEnv } from '../../../../libs/platform/src/observability/tracing';

startTracingFromEnv('api');
