import { EventEnvelope } from '@app/event-store';
import { AppConfig } from '@app/platform';
import { CasesProjection, ProjectionRunner } from '@app/read-models';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { Context, Section, size } from './context';
import { checkCopies, loadTemplates, produceCopies } from './history';
import { compared } from './report';
import { nowMs, until } from './stats';

async function topicEnds(kafka: Kafka, topic: string): Promise<Map<number, number>> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    return new Map(
      (await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, Number(p.high)]),
    );
  } finally {
    await admin.disconnect();
  }
}

const kafkaOf = (config: AppConfig) =>
  new Kafka({ clientId: 'bench', brokers: config.kafka.brokers, logLevel: logLevel.WARN });

/**
 * B5: catch-up of the `cases` projection through the project's runner, from the first event of a
 * topic to its end, beside a plain consumer that upserts one row per case and its progress in
 * one transaction per batch (multi-row statements): what Kafka and Postgres allow for the
 * same stream of events.
 */
export async function projectionCatchUp(ctx: Context): Promise<Section> {
  const { infra } = ctx;
  if (!ctx.shared.historyUrl) throw new Error('B5 copies the history B6 wrote: run B6 first');
  const templates = await loadTemplates(ctx.shared.historyUrl);
  checkCopies(templates, 2000);
  const total = size(ctx, 20_000, 100_000);
  const projectUrl = await infra.migratedDatabase('b5_project');
  const { config } = infra.environment(projectUrl);
  await infra.topic(config);
  await produceCopies(config, templates, total);
  const kafka = kafkaOf(config);
  const ends = await topicEnds(kafka, config.kafka.topic);

  const db = await infra.dataSource(config, 10, 'bench-projection');
  const reached = new Map<number, number>();
  const runner = new ProjectionRunner(
    {
      kind: 'live',
      projection: new CasesProjection(),
      groupId: `${config.projector.groupPrefix}.b5`,
    },
    kafka,
    db,
    config,
    { onCommitted: (partition, next) => reached.set(partition, next) },
  );
  let started = nowMs();
  await runner.start();
  const atEnd = () => [...ends].every(([p, high]) => (reached.get(p) ?? 0) >= high);
  await until(async () => atEnd(), 'the projection to catch up', 900_000, 10);
  const projectRate = (total * 1000) / (nowMs() - started);
  await runner.stop();
  await db.destroy();
  ctx.log(`  cases projection: ${projectRate.toFixed(0)} events/s`);

  const rawUrl = await infra.migratedDatabase('b5_raw');
  started = nowMs();
  const rawRate = await rawUpserts(rawUrl, config, ends, total, started);
  ctx.log(`  raw consume + upsert: ${rawRate.toFixed(0)} events/s`);

  return {
    rows: [
      compared(
        'B5',
        'projection catch-up (cases)',
        'events/s',
        projectRate,
        { name: 'raw consume + upsert', value: rawRate },
        { min: 0.5 },
      ),
    ],
    details: { events: total, templateEvents: templates.length },
  };
}

async function rawUpserts(
  databaseUrl: string,
  config: AppConfig,
  ends: Map<number, number>,
  total: number,
  started: number,
): Promise<number> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`CREATE TABLE bench_cases (case_id uuid PRIMARY KEY, version int NOT NULL,
    type text NOT NULL, data jsonb NOT NULL, recorded_at timestamptz NOT NULL)`);
  await client.query(
    `CREATE TABLE bench_progress (partition int PRIMARY KEY, next_offset bigint NOT NULL)`,
  );
  const consumer = kafkaOf(config).consumer({
    groupId: `bench.raw.${Date.now()}`,
    maxWaitTimeInMs: 100,
  });
  const reached = new Map<number, number>();
  await consumer.connect();
  await consumer.subscribe({ topic: config.kafka.topic, fromBeginning: true });
  await consumer.run({
    eachBatchAutoResolve: false,
    eachBatch: async (payload) => {
      const { batch } = payload;
      if (batch.messages.length === 0) return;
      const latest = new Map<string, EventEnvelope>();
      for (const message of batch.messages) {
        const event = JSON.parse(String(message.value)) as EventEnvelope;
        latest.set(event.streamId, event);
      }
      const rows = [...latest.values()].map((e) => ({
        case_id: e.streamId,
        version: e.streamVersion,
        type: e.type,
        data: e.data,
        recorded_at: e.recordedAt,
      }));
      const next = Number(batch.messages[batch.messages.length - 1].offset) + 1;
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO bench_cases SELECT * FROM jsonb_populate_recordset(NULL::bench_cases, $1)
           ON CONFLICT (case_id) DO UPDATE SET version = excluded.version, type = excluded.type,
             data = excluded.data, recorded_at = excluded.recorded_at
           WHERE bench_cases.version < excluded.version`,
        [JSON.stringify(rows)],
      );
      await client.query(
        `INSERT INTO bench_progress VALUES ($1, $2)
           ON CONFLICT (partition) DO UPDATE SET next_offset = excluded.next_offset`,
        [batch.partition, next],
      );
      await client.query('COMMIT');
      payload.resolveOffset(batch.messages[batch.messages.length - 1].offset);
      await payload.commitOffsetsIfNecessary();
      reached.set(batch.partition, next);
    },
  });
  await until(
    async () => [...ends].every(([p, high]) => (reached.get(p) ?? 0) >= high),
    'the raw consumer to catch up',
    900_000,
    10,
  );
  const rate = (total * 1000) / (nowMs() - started);
  await consumer.disconnect();
  await client.end();
  return rate;
}
