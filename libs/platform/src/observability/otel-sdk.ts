import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { KafkaJsInstrumentation } from '@opentelemetry/instrumentation-kafkajs';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { IncomingMessage } from 'node:http';
import { TracingConfig } from '../config/app-config';

export interface Tracing {
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/** Probes and scrapes come every few seconds and say nothing about a command. */
const UNTRACED_PATHS = /^\/(health\/|metrics(\?|$))/;

/** The SDK itself; loaded by `startTracing` only when tracing is switched on. */
export function startSdk(app: string, config: TracingConfig): Tracing {
  const sdk = new NodeSDK({
    serviceName: config.serviceName ?? `smuggling-cases-${app}`,
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${config.endpoint}/v1/traces` })),
    ],
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (req: IncomingMessage) => UNTRACED_PATHS.test(req.url ?? ''),
      }),
      new ExpressInstrumentation(),
      // Only statements of something traced (a request, a consumed batch): the relay's idle
      // polling of the outbox would otherwise be most of the spans.
      new PgInstrumentation({ requireParentSpan: true }),
      new KafkaJsInstrumentation(),
    ],
  });
  sdk.start();
  return { shutdown: () => sdk.shutdown() };
}
