import { AppConfig } from '@app/platform';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Projection, READ_MODEL_SCHEMA } from './projection';
import { ProjectionRunner, schemaName } from './projection-runner';

export interface RebuildOptions {
  readonly db: DataSource;
  readonly kafka: Kafka;
  readonly config: AppConfig;
  readonly projections: readonly Projection[];
  /** The fresh schema to build into; it must not exist yet. */
  readonly schema: string;
  /** Messages applied so far (over all projections) and how many there are in all. */
  readonly onProgress?: (done: number, total: number) => void;
}

export interface RebuildResult {
  readonly schema: string;
  /** Messages on the topic when the rebuild started: what each projection read. */
  readonly messages: number;
}

/**
 * Builds every projection afresh, from the topic's first event up to its end at the moment
 * the rebuild starts, into a new schema whose tables are made like the live ones. Each
 * projection reads through a consumer group of its own, deleted afterwards; the live
 * projections and their groups are not touched. A projection that fails stops the rebuild,
 * and the new schema is dropped.
 */
export async function rebuildReadModels(options: RebuildOptions): Promise<RebuildResult> {
  const { db, kafka, config, projections, onProgress } = options;
  const schema = schemaName(options.schema);
  await createSchemaLike(db, READ_MODEL_SCHEMA, schema);

  const admin = kafka.admin();
  await admin.connect();
  try {
    const ends = new Map(
      (await admin.fetchTopicOffsets(config.kafka.topic)).map((p) => [
        p.partition,
        { low: Number(p.low), high: Number(p.high) },
      ]),
    );
    const messages = [...ends.values()].reduce((n, p) => n + p.high - p.low, 0);
    const total = messages * projections.length;
    // Per projection and partition, the next offset it will apply. Each counts up to the end
    // of its partition only: reading past it (new events) makes up for no other partition.
    const reached = new Map(projections.map((p) => [p.name, new Map<number, number>()]));
    const done = () =>
      projections.reduce(
        (n, p) =>
          n +
          [...ends].reduce((m, [partition, { low, high }]) => {
            const offset = reached.get(p.name)!.get(partition) ?? low;
            return m + Math.min(offset, high) - low;
          }, 0),
        0,
      );
    const groupIds = projections.map((p) => `${config.projector.groupPrefix}.${schema}.${p.name}`);
    const runners: ProjectionRunner[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        if (total === 0) return resolve();
        projections.forEach((projection, i) => {
          const runner = new ProjectionRunner(projection, kafka, db, config, {
            schema,
            groupId: groupIds[i],
            onCommitted: (partition, nextOffset) => {
              reached.get(projection.name)!.set(partition, nextOffset);
              const applied = done();
              onProgress?.(applied, total);
              // Every projection at the end of every partition: no term can exceed its share.
              if (applied === total) resolve();
            },
            onCrash: reject,
          });
          runners.push(runner);
          runner.start().catch(reject);
        });
      });
    } finally {
      for (const runner of runners) await runner.stop();
      await admin.deleteGroups(groupIds).catch(() => undefined);
    }
    onProgress?.(total, total);
    return { schema, messages };
  } catch (error) {
    // Half built, it would only mislead.
    await dropSchema(db, schema);
    throw error;
  } finally {
    await admin.disconnect();
  }
}

/** A new schema with a table made like each table of `source`: columns, keys, indexes. */
export async function createSchemaLike(
  db: DataSource,
  source: string,
  target: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query(`CREATE SCHEMA ${schemaName(target)}`);
    for (const table of await tablesOf(db, source)) {
      await tx.query(
        `CREATE TABLE ${target}.${table} (LIKE ${schemaName(source)}.${table} INCLUDING ALL)`,
      );
    }
  });
}

export async function dropSchema(db: DataSource, schema: string): Promise<void> {
  await db.query(`DROP SCHEMA IF EXISTS ${schemaName(schema)} CASCADE`);
}

export interface TableDifference {
  readonly table: string;
  /** Rows only in the first schema, counted with their multiplicity. */
  readonly onlyInFirst: number;
  readonly onlyInSecond: number;
}

/** Every table of two schemas compared row for row; only tables that differ are listed. */
export async function compareSchemas(
  db: DataSource,
  first: string,
  second: string,
): Promise<TableDifference[]> {
  const [a, b] = [schemaName(first), schemaName(second)];
  const differences: TableDifference[] = [];
  for (const table of await tablesOf(db, a)) {
    const [row]: { only_first: number; only_second: number }[] = await db.query(
      `SELECT (SELECT count(*) FROM (TABLE ${a}.${table} EXCEPT ALL TABLE ${b}.${table}) x)::int
                AS only_first,
              (SELECT count(*) FROM (TABLE ${b}.${table} EXCEPT ALL TABLE ${a}.${table}) x)::int
                AS only_second`,
    );
    if (row.only_first > 0 || row.only_second > 0) {
      differences.push({ table, onlyInFirst: row.only_first, onlyInSecond: row.only_second });
    }
  }
  return differences;
}

async function tablesOf(db: DataSource, schema: string): Promise<string[]> {
  const rows: { tablename: string }[] = await db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`,
    [schema],
  );
  return rows.map((r) => r.tablename);
}
