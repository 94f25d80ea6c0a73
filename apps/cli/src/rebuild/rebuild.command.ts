import { createKafka, dataSourceOptions, loadConfig } from '@app/platform';
import {
  READ_MODEL_ENTITIES,
  READ_MODEL_PROJECTIONS,
  READ_MODEL_SCHEMA,
  compareSchemas,
  dropSchema,
  rebuildReadModels,
  swapInReadModels,
} from '@app/read-models';
import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { localSystemEnv } from '../local-system';
import { progress } from '../progress';

/** The exit code when the rebuilt read models differ from the live ones. */
export const DIFFERENCES_FOUND = 3;

/**
 * Rebuilds every read model from the topic's first event into a fresh schema beside the live
 * one, then compares the two table by table. The live read models are not touched, unless
 * `swap` makes the rebuilt ones live in their place.
 */
async function rebuild(options: { keep: boolean; swap: boolean }): Promise<void> {
  const config = loadConfig(localSystemEnv());
  const db = new DataSource(dataSourceOptions(config, READ_MODEL_ENTITIES, 'cli-rebuild'));
  await db.initialize();
  try {
    if (await db.showMigrations()) {
      throw new Error('the database has migrations to run: start the services once first');
    }
    const schema = `read_model_rebuild_${Date.now()}`;
    const kafka = createKafka(config.kafka, 'cli-rebuild');
    const projections = READ_MODEL_PROJECTIONS.map((Projection) => new Projection());
    const bar = progress('rebuild', 'messages applied (by each projection)');
    const { messages } = await rebuildReadModels({
      db,
      kafka,
      config,
      projections,
      schema,
      onProgress: (done, total) => bar.update(done, total),
    }).finally(() => bar.stop());
    let swapped = false;
    try {
      const differences = await compareSchemas(db, READ_MODEL_SCHEMA, schema);
      process.stdout.write(
        `rebuilt ${READ_MODEL_PROJECTIONS.length} projections from ${messages} messages into ${schema}\n`,
      );
      for (const d of differences) {
        process.stdout.write(
          `${d.table}: ${d.onlyInFirst} rows only in ${READ_MODEL_SCHEMA}, ${d.onlyInSecond} only in the rebuild\n`,
        );
      }
      process.stdout.write(
        differences.length === 0
          ? 'the rebuilt read models equal the live ones\n'
          : `${differences.length} tables differ (on a busy system, the live ones moved on meanwhile)\n`,
      );
      if (differences.length > 0) process.exitCode = DIFFERENCES_FOUND;
      if (options.swap) {
        const { previous } = await swapInReadModels({ db, kafka, config, projections, schema });
        swapped = true;
        process.stdout.write(
          `swapped in: the rebuilt read models are ${READ_MODEL_SCHEMA} now; the replaced ones ` +
            `are kept in ${previous} (DROP SCHEMA ${previous} CASCADE when no longer wanted)\n`,
        );
      }
    } finally {
      // Swapped in, it is the live schema now. A failed swap leaves the live read models as
      // they were, and the rebuilt ones go as they would without --swap.
      if (!swapped && options.keep) process.stdout.write(`kept ${schema}\n`);
      else if (!swapped) await dropSchema(db, schema);
    }
  } finally {
    await db.destroy();
  }
}

export function rebuildCommand(): Command {
  return new Command('rebuild')
    .description(
      'rebuild every read model from the event topic into a fresh schema and compare it with ' +
        `the live one (exit ${DIFFERENCES_FOUND} if they differ)`,
    )
    .option('--keep', 'keep the rebuilt schema instead of dropping it', false)
    .option(
      '--swap',
      'then make the rebuilt read models the live ones, without a moment of empty answers, ' +
        'and keep the replaced ones in read_model_previous_<ms>',
      false,
    )
    .action(rebuild);
}
