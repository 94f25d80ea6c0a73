/*
 * B7's rebuild, in a process of its own so that its memory can be measured as the projector's
 * is: every projection rebuilt from the topic into a fresh schema with libs/read-models.
 * Prints one JSON line: seconds and messages.
 */
import 'reflect-metadata';
import { createKafka, dataSourceOptions, loadConfig } from '@app/platform';
import { READ_MODEL_ENTITIES, READ_MODEL_PROJECTIONS, rebuildReadModels } from '@app/read-models';
import { DataSource } from 'typeorm';

async function main(): Promise<void> {
  const config = loadConfig();
  const db = new DataSource(dataSourceOptions(config, READ_MODEL_ENTITIES, 'bench-rebuild'));
  await db.initialize();
  const started = Date.now();
  const { messages } = await rebuildReadModels({
    db,
    kafka: createKafka(config.kafka, 'rebuild'),
    config,
    projections: READ_MODEL_PROJECTIONS.map((Projection) => new Projection()),
    schema: 'read_model_rebuilt',
  });
  const seconds = (Date.now() - started) / 1000;
  await db.destroy();
  process.stdout.write(`${JSON.stringify({ seconds, messages })}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `rebuild failed: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
    process.exit(1);
  },
);
