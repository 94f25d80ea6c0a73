import { AppConfig, createKafka, dataSourceOptions, loadConfig } from '@app/platform';
import {
  DeadLetter,
  PROJECTION_NAMES,
  ProjectionName,
  READ_MODEL_ENTITIES,
  pendingDeadLetters,
  readDeadLetters,
  redriveDeadLetters,
} from '@app/read-models';
import { Command, Option } from 'commander';
import { DataSource } from 'typeorm';
import { localSystemEnv } from '../local-system';

type Write = (text: string) => void;
const stdout: Write = (text) => process.stdout.write(text);

const line = (l: DeadLetter): string =>
  [
    l.projection,
    `partition ${l.sourcePartition} offset ${l.sourceOffset}`,
    l.streamId ? `stream ${l.streamId}` : 'no stream',
    l.version !== null ? `version ${l.version}` : 'no version',
    l.type ?? 'no type',
    `failed at ${l.failedAt}`,
    l.error,
  ].join(' | ');

/** Every pending dead letter, oldest first within each projection. */
export async function listDeadLetters(
  config: AppConfig,
  options: { json?: boolean },
  write: Write = stdout,
): Promise<DeadLetter[]> {
  const kafka = createKafka(config.kafka, 'cli-dead-letters');
  const letters = pendingDeadLetters(await readDeadLetters(kafka, config.kafka.topic));
  if (options.json) {
    write(`${JSON.stringify(letters, null, 2)}\n`);
  } else {
    for (const l of letters) write(`${line(l)}\n`);
    write(`${letters.length} dead letters pending\n`);
  }
  return letters;
}

function checkRedriveOptions(options: { projection?: string; all?: boolean }): void {
  if (Boolean(options.projection) === Boolean(options.all)) {
    throw new Error('redrive takes either --projection <name> or --all');
  }
}

/**
 * Redrives the dead letters of one projection, or of all: see `redriveDeadLetters`. Run it
 * with the projector stopped and the release that can apply them ready to start.
 */
export async function redrive(
  config: AppConfig,
  options: { projection?: string; all?: boolean },
  write: Write = stdout,
): Promise<DeadLetter[]> {
  checkRedriveOptions(options);
  const projections = options.all ? [...PROJECTION_NAMES] : [options.projection as ProjectionName];
  const kafka = createKafka(config.kafka, 'cli-dead-letters');
  const db = new DataSource(dataSourceOptions(config, READ_MODEL_ENTITIES, 'cli-dead-letters'));
  await db.initialize();
  const redriven: DeadLetter[] = [];
  try {
    for (const projection of projections) {
      const letters = await redriveDeadLetters({ kafka, db, config, projection });
      for (const l of letters) write(`redriven: ${line(l)}\n`);
      redriven.push(...letters);
    }
  } finally {
    await db.destroy();
  }
  write(
    redriven.length === 0
      ? 'nothing to redrive\n'
      : `${redriven.length} dead letters redriven: start the projector to apply them\n`,
  );
  return redriven;
}

export function deadLettersCommand(): Command {
  const config = () => loadConfig(localSystemEnv());
  return new Command('dead-letters')
    .description('list and redrive the events a projection could not apply')
    .addCommand(
      new Command('list')
        .description(
          'print each pending dead letter: projection, source partition and offset, stream, ' +
            'version, type, failed at, error (exit 0)',
        )
        .option('--json', 'print them as JSON')
        .action(async (options: { json?: boolean }) => {
          await listDeadLetters(config(), options);
        }),
    )
    .addCommand(
      new Command('redrive')
        .description(
          'with the projector stopped: set the projection back to its dead letters, so that ' +
            'the projector, started again, applies them from the event topic; they are then ' +
            'no longer pending (exit 0, also when there is nothing to redrive; 1 while the ' +
            'projection runs)',
        )
        .addOption(
          new Option('--projection <name>', 'the projection').choices([...PROJECTION_NAMES]),
        )
        .option('--all', 'every projection')
        .action(async (options: { projection?: string; all?: boolean }) => {
          checkRedriveOptions(options);
          await redrive(config(), options);
        }),
    );
}
