import { AppConfig } from '@app/platform';
import { Kafka } from 'kafkajs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager } from 'typeorm';
import { Projection, READ_MODEL_SCHEMA } from './projection';
import { ProjectionRunner } from './runner/projection-runner';
import { schemaName } from './schema-name';

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
 * the rebuild starts, into a new schema whose tables are made like the live ones. One consumer
 * group of its own, deleted afterwards, reads the topic once for all of them: each chunk is
 * decoded once and applied to each projection in a transaction of its own (the projections
 * still share no table). The live projections and their groups are not touched. A projection
 * that fails stops the rebuild, and the new schema is dropped.
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
    // Per partition, the next offset every projection will apply. Each counts up to the end of
    // its partition only: reading past it (new events) makes up for no other partition.
    const reached = new Map<number, number>();
    const done = () =>
      projections.length *
      [...ends].reduce((n, [partition, { low, high }]) => {
        const offset = reached.get(partition) ?? low;
        return n + Math.min(offset, high) - low;
      }, 0);
    const groupId = rebuildGroup(config, schema);
    let runner: ProjectionRunner | undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        if (total === 0) return resolve();
        runner = new ProjectionRunner(
          { kind: 'rebuild', projections, schema, groupId },
          kafka,
          db,
          config,
          {
            onCommitted: (partition, nextOffset) => {
              reached.set(partition, nextOffset);
              const applied = done();
              onProgress?.(applied, total);
              // At the end of every partition: no term can exceed its share.
              if (applied === total) resolve();
            },
            onCrash: reject,
          },
        );
        runner.start().catch(reject);
      });
    } finally {
      await runner?.stop();
      await admin.deleteGroups([groupId]).catch(() => undefined);
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

export interface SwapOptions {
  readonly db: DataSource;
  readonly kafka: Kafka;
  readonly config: AppConfig;
  /** The projections the live projector runs: the swapped-in tables go on from them. */
  readonly projections: readonly Projection[];
  /** A rebuilt schema, made like the live one (`rebuildReadModels`). */
  readonly schema: string;
  /**
   * How long the swap may wait for a lock, and hold the live projector back while the rebuilt
   * tables catch up the last events; past it, nothing is swapped. 10 seconds unless given.
   */
  readonly lockTimeoutMs?: number;
}

export interface SwapResult {
  /** Where the replaced read models are kept: `read_model_previous_<milliseconds>`. */
  readonly previous: string;
}

/**
 * Makes a rebuilt schema the live read models, `read_model`, by renaming schemas in one
 * transaction: a query resolves `read_model.<table>` either to the old, complete tables or to
 * the new, complete ones, never to none or to a mix. The old ones are kept, renamed.
 *
 * The rebuilt tables first catch up with the live ones: the projections run on them again,
 * through one consumer group started at their `projection_progress`. Then the transaction
 *  1. takes EXCLUSIVE locks on every live table, checkpoints first: readers go on reading, but
 *     the live projector, whose batches lock the checkpoints first, holds still (no deadlock:
 *     a batch that locked them first is waited for, and it waits for nothing we hold);
 *  2. waits until the rebuilt tables have read every partition at least as far as the live
 *     ones: from now on they answer at least what the live ones answer, so a reader that saw
 *     the old tables, then sees the new ones, never sees less;
 *  3. stops the catch-up runner, so that nothing writes to the rebuilt schema by its old name;
 *  4. takes ACCESS EXCLUSIVE locks on the live tables, all or none (NOWAIT, retried): a query
 *     that had begun on the old tables finishes first, and one that starts now waits the few
 *     milliseconds to the commit, then finds the new tables by name. Waiting in the lock queue
 *     instead could deadlock with a query that joins two tables in the other order;
 *  5. renames `read_model` to `read_model_previous_<ms>` and the rebuilt schema to `read_model`.
 * The live projector's held-back batch then resolves its unqualified tables (search_path
 * `read_model`) to the new ones and goes on from its consumer group's offsets, which are no
 * further than the new tables' progress: what these applied already, the checkpoints skip, and
 * nothing after it is missed. Any failure rolls the transaction back: the live read models
 * stay as they were, and so does the rebuilt schema.
 */
export async function swapInReadModels(options: SwapOptions): Promise<SwapResult> {
  const { db, kafka, config, projections } = options;
  const schema = schemaName(options.schema);
  const timeoutMs = options.lockTimeoutMs ?? 10_000;
  const live = READ_MODEL_SCHEMA;
  const previous = schemaName(`${live}_previous_${Date.now()}`);
  await assertShapedLike(db, schema, live);
  // Plans for the new tables from the first query on, not once autovacuum gets to them.
  const tables = await tablesOf(db, schema);
  for (const table of tables) await db.query(`ANALYZE ${schema}.${table}`);
  const locked = ['projection_checkpoints', ...tables.filter((t) => t !== 'projection_checkpoints')]
    .map((table) => `${live}.${table}`)
    .join(', ');

  const names = projections.map((p) => p.name);
  /** Partitions the live tables have read further than the rebuilt ones, over all projections. */
  const behind = async (q: Queryable) => {
    const [{ n }]: { n: number }[] = await q.query(
      `SELECT count(*)::int AS n FROM ${live}.projection_progress l
         LEFT JOIN ${schema}.projection_progress r USING (projection, partition)
        WHERE l.projection = ANY($1) AND (r.next_offset IS NULL OR r.next_offset < l.next_offset)`,
      [names],
    );
    return n;
  };
  let crash: Error | undefined;
  const catchUp = async (q: Queryable, deadline: number) => {
    for (;;) {
      if (crash) throw crash;
      if ((await behind(q)) === 0) return;
      if (Date.now() > deadline) {
        throw new Error(`the rebuilt read models did not catch up within ${timeoutMs} ms`);
      }
      await sleep(20);
    }
  };

  const groupId = rebuildGroup(config, schema);
  let runner: ProjectionRunner | undefined = new ProjectionRunner(
    { kind: 'rebuild', projections, schema, groupId },
    kafka,
    db,
    config,
    { onCrash: (error) => (crash ??= error) },
  );
  const stopRunner = async () => {
    const stopping = runner;
    runner = undefined;
    await stopping?.stop();
  };
  const admin = kafka.admin();
  await admin.connect();
  try {
    await runner.start();
    // The bulk of the catch-up, while the live projector runs on: holding it back is then short.
    await catchUp(db, Infinity);

    await db.transaction(async (tx) => {
      await tx.query(`SET LOCAL lock_timeout = ${timeoutMs}`);
      await tx.query(`LOCK TABLE ${locked} IN EXCLUSIVE MODE`);
      await catchUp(tx, Date.now() + timeoutMs);
      await stopRunner();
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        await tx.query('SAVEPOINT swap_locks');
        try {
          await tx.query(`LOCK TABLE ${locked} IN ACCESS EXCLUSIVE MODE NOWAIT`);
          break;
        } catch (error) {
          if ((error as { code?: string }).code !== LOCK_NOT_AVAILABLE) throw error;
          if (Date.now() > deadline) {
            throw new Error(
              `queries held the live read models for ${timeoutMs} ms; nothing was swapped`,
            );
          }
          await tx.query('ROLLBACK TO SAVEPOINT swap_locks');
          await sleep(5);
        }
      }
      await tx.query(`ALTER SCHEMA ${live} RENAME TO ${previous}`);
      await tx.query(`ALTER SCHEMA ${schema} RENAME TO ${live}`);
    });
    return { previous };
  } finally {
    await stopRunner();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

const LOCK_NOT_AVAILABLE = '55P03';

/** The consumer group that feeds a rebuilt schema: during the rebuild, then its catch-up. */
function rebuildGroup(config: AppConfig, schema: string): string {
  return `${config.projector.groupPrefix}.${schema}`;
}

/** Refuses to swap in tables that differ from the live ones, e.g. built before a migration. */
async function assertShapedLike(db: DataSource, schema: string, like: string): Promise<void> {
  const [ours, theirs] = [await shapeOf(db, schema), await shapeOf(db, like)];
  if (ours.length === 0) throw new Error(`${schema} has no tables`);
  const missing = theirs.filter((line) => !ours.includes(line));
  const extra = ours.filter((line) => !theirs.includes(line));
  if (missing.length > 0 || extra.length > 0) {
    const lines = [...missing.map((l) => `missing ${l}`), ...extra.map((l) => `extra ${l}`)];
    throw new Error(`${schema} is not made like ${like}: ${lines.join('; ')}`);
  }
}

/**
 * A new schema with a table made like each table of `source`: columns, keys, indexes. Indexes
 * get the names they have in `source` (LIKE would make up names of its own), so that a schema
 * swapped in stays what the migrations that name its indexes expect.
 */
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
    const names = new Map<string, string[]>();
    for (const index of await indexesOf(tx, source)) {
      names.set(index.shape, [...(names.get(index.shape) ?? []), index.name]);
    }
    for (const index of await indexesOf(tx, target)) {
      const name = names.get(index.shape)?.shift();
      if (name && name !== index.name) {
        await tx.query(`ALTER INDEX ${target}.${index.name} RENAME TO ${name}`);
      }
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

async function tablesOf(db: Queryable, schema: string): Promise<string[]> {
  const rows: { tablename: string }[] = await db.query(
    `SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename`,
    [schema],
  );
  return rows.map((r) => r.tablename);
}

/** A schema's indexes, each with its definition short of its name and schema: its shape. */
async function indexesOf(
  db: Queryable,
  schema: string,
): Promise<{ name: string; shape: string }[]> {
  const rows: { indexname: string; tablename: string; indexdef: string }[] = await db.query(
    `SELECT indexname, tablename, indexdef FROM pg_indexes WHERE schemaname = $1
      ORDER BY tablename, indexname`,
    [schema],
  );
  return rows.map((r) => ({
    name: r.indexname,
    shape: `${r.tablename}: ${r.indexdef.replace(/^CREATE (UNIQUE )?INDEX \S+ ON (ONLY )?\S+ /, '$1')}`,
  }));
}

/** Tables, columns and indexes (by name and definition): what a swap must keep the same. */
async function shapeOf(db: Queryable, schema: string): Promise<string[]> {
  const columns: { line: string }[] = await db.query(
    `SELECT format('%s.%s %s%s%s', table_name, column_name, data_type,
                   CASE WHEN is_nullable = 'NO' THEN ' not null' ELSE '' END,
                   ' default ' || column_default) AS line
       FROM information_schema.columns WHERE table_schema = $1`,
    [schema],
  );
  const indexes = (await indexesOf(db, schema)).map((i) => `index ${i.name} on ${i.shape}`);
  return [...columns.map((c) => c.line), ...indexes].sort();
}

type Queryable = Pick<EntityManager, 'query'>;
