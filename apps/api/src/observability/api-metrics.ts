import { APP_CONFIG, AppConfig, Clock, createKafka, deadLetterTopic } from '@app/platform';
import { PROJECTION_NAMES, deadLetterPartition } from '@app/read-models';
import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { Admin } from 'kafkajs';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { ProjectionLagReader } from '../read-side/projection-lag/projection-lag';

const PREFIX = 'smuggling_cases_';

/** What became of a command: its answer's status, and the code of a 409. */
export type CommandOutcome = 'accepted' | 'conflict' | 'refused' | 'failed';

export const VERSION_CONFLICT = 'STREAM.VERSION_CONFLICT';

/**
 * The API's Prometheus metrics, in a registry of its own (not prom-client's global one, so
 * that any number of API instances may live in one process, as in the tests).
 *
 * Counted as they happen: command latency, conflicts, refusals. Read from Postgres and Kafka
 * when scraped, so that every API instance reports the same, whichever process did the work
 * (the relay and the projector serve no HTTP): the outbox, the relay's and the projections'
 * lag, the dead letters.
 */
@Injectable()
export class ApiMetrics implements OnModuleDestroy {
  readonly registry = new Registry();
  private readonly logger = new Logger('metrics');
  private readonly admin: Admin;
  private readonly lag: ProjectionLagReader;

  private readonly commandDuration = new Histogram({
    name: `${PREFIX}command_duration_seconds`,
    help: 'Time from receiving a command to answering it, by command (operationId) and outcome',
    labelNames: ['command', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly conflicts = new Counter({
    name: `${PREFIX}conflicts_total`,
    help: `Commands answered 409 ${VERSION_CONFLICT}: decided on a version another command had moved on`,
    registers: [this.registry],
  });
  private readonly refusals = new Counter({
    name: `${PREFIX}refusals_total`,
    help: 'Problem answers with a 4xx status, by problem code',
    labelNames: ['code', 'status'] as const,
    registers: [this.registry],
  });
  private readonly outboxEvents = new Gauge({
    name: `${PREFIX}outbox_backlog_events`,
    help: 'Events committed but not yet acknowledged by Kafka (rows of the outbox)',
    registers: [this.registry],
  });
  private readonly outboxAge = new Gauge({
    name: `${PREFIX}outbox_oldest_age_seconds`,
    help: 'Age of the oldest outbox row (since its event was recorded); 0 when the outbox is empty',
    registers: [this.registry],
  });
  private readonly relayLag = new Gauge({
    name: `${PREFIX}relay_lag_seconds`,
    help:
      'Commit-to-publish lag: how long the oldest event not yet acknowledged by Kafka has ' +
      'waited since it was committed; 0 when the relay has published everything',
    registers: [this.registry],
  });
  private readonly projectionEventsBehind = new Gauge({
    name: `${PREFIX}projection_lag_events`,
    help: 'Events on the topic partition the projection has not applied yet',
    labelNames: ['projection', 'partition'] as const,
    registers: [this.registry],
  });
  private readonly projectionSecondsBehind = new Gauge({
    name: `${PREFIX}projection_lag_seconds`,
    help:
      'At most this many seconds behind: the age of the last event applied while any waits, ' +
      '0 when none waits; absent while nothing of the partition was applied yet',
    labelNames: ['projection', 'partition'] as const,
    registers: [this.registry],
  });
  private readonly deadLetters = new Gauge({
    name: `${PREFIX}dead_letters`,
    help: 'Messages on the dead-letter topic; 0 while the topic does not exist',
    labelNames: ['topic'] as const,
    registers: [this.registry],
  });
  private readonly projectionDeadLetters = new Gauge({
    name: `${PREFIX}dead_letters_pending`,
    help:
      'Dead letters of the projection not redriven yet (its partition of the dead-letter ' +
      'topic); 0 while the topic does not exist',
    labelNames: ['projection'] as const,
    registers: [this.registry],
  });
  private readonly sourceUp = new Gauge({
    name: `${PREFIX}metrics_source_up`,
    help: 'Whether the last scrape could read the source (postgres, kafka) of the gauges above',
    labelNames: ['source'] as const,
    registers: [this.registry],
  });

  constructor(
    private readonly db: DataSource,
    clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    collectDefaultMetrics({ register: this.registry });
    // A scrape answers now with what it has; it must not wait behind retries.
    this.admin = createKafka(config.kafka, 'api-metrics', { retries: 0 }).admin();
    this.lag = new ProjectionLagReader(db, clock, config, this.admin);
  }

  command(command: string, outcome: CommandOutcome, seconds: number): void {
    this.commandDuration.observe({ command, outcome }, seconds);
  }

  problem(status: number, code: string): void {
    if (status < 400 || status >= 500) return;
    this.refusals.inc({ code, status: String(status) });
    if (status === 409 && code === VERSION_CONFLICT) this.conflicts.inc();
  }

  /** The metrics in Prometheus's text format, with the scrape-time gauges read now. */
  async scrape(): Promise<string> {
    const [postgres, kafka] = await Promise.all([
      this.attempt('postgres', () => this.readOutbox()),
      this.attempt('kafka', async () => {
        await this.readProjectionLag();
        await this.readDeadLetters();
      }),
    ]);
    this.sourceUp.set({ source: 'postgres' }, postgres ? 1 : 0);
    this.sourceUp.set({ source: 'kafka' }, kafka ? 1 : 0);
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  private async readOutbox(): Promise<void> {
    const [row] = await this.db.query<{ events: string; age: number | null }[]>(
      `SELECT count(*) AS events,
              EXTRACT(EPOCH FROM now() - min(e.recorded_at))::float8 AS age
         FROM event_store.outbox o JOIN event_store.events e USING (position)`,
    );
    const age = Math.max(0, row.age ?? 0);
    this.outboxEvents.set(Number(row.events));
    this.outboxAge.set(age);
    this.relayLag.set(age);
  }

  private async readProjectionLag(): Promise<void> {
    const { projections } = await this.lag.read();
    // Series of partitions or projections that are gone must not linger.
    this.projectionEventsBehind.reset();
    this.projectionSecondsBehind.reset();
    for (const projection of projections) {
      for (const p of projection.partitions) {
        const labels = { projection: projection.name, partition: String(p.partition) };
        this.projectionEventsBehind.set(labels, p.eventsBehind);
        if (p.secondsBehind !== null) this.projectionSecondsBehind.set(labels, p.secondsBehind);
      }
    }
  }

  private async readDeadLetters(): Promise<void> {
    const topic = deadLetterTopic(this.config.kafka.topic);
    const exists = (await this.admin.listTopics()).includes(topic);
    const offsets = exists ? await this.admin.fetchTopicOffsets(topic) : [];
    const size = new Map(offsets.map((p) => [p.partition, Number(p.high) - Number(p.low)]));
    this.deadLetters.set(
      { topic },
      [...size.values()].reduce((sum, n) => sum + n, 0),
    );
    // Each projection dead-letters to a partition of its own, and a redrive deletes its
    // partition's handled dead letters: the partition's size is what waits.
    for (const projection of PROJECTION_NAMES) {
      this.projectionDeadLetters.set(
        { projection },
        size.get(deadLetterPartition(projection)) ?? 0,
      );
    }
  }

  /** A source that cannot be read leaves its gauges as last read, and says so. */
  private async attempt(source: string, read: () => Promise<void>): Promise<boolean> {
    try {
      await read();
      return true;
    } catch (error) {
      this.logger.warn(
        `metrics from ${source} not read: ${error instanceof Error ? error.message : String(error)}`,
      );
      return false;
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin.disconnect();
  }
}
