import { IntegrityBreak, verifyIntegrity } from '@app/audit';
import { createKafka, dataSourceOptions, loadConfig } from '@app/platform';
import { READ_MODEL_ENTITIES } from '@app/read-models';
import { Command } from 'commander';
import { DataSource } from 'typeorm';
import { localSystemEnv } from '../local-system';

/** The exit code when a chain is broken (rebuild uses 3 for "read models differ"). */
export const TAMPERING_FOUND = 4;

const describe = (b: IntegrityBreak): string =>
  [
    b.kind,
    b.position && `position ${b.position}`,
    b.streamId && `stream ${b.streamId}`,
    b.version !== undefined && `version ${b.version}`,
    b.seq && `seq ${b.seq}`,
    b.partition !== undefined && `partition ${b.partition} offset ${b.offset}`,
  ]
    .filter(Boolean)
    .join(', ');

/**
 * Recomputes every hash chain of the store and the consultation log, and compares the
 * topic's last messages with the store. Prints the first break of each check.
 */
async function verify(options: {
  kafka: boolean;
  json: boolean;
  expectHead?: string;
}): Promise<void> {
  const head = options.expectHead?.match(/^(\d{1,18}):([0-9a-f]{64})$/);
  if (options.expectHead !== undefined && !head) {
    throw new Error('--expect-head takes <seq>:<hash> as an earlier check printed it');
  }
  const config = loadConfig(localSystemEnv());
  const db = new DataSource(dataSourceOptions(config, READ_MODEL_ENTITIES, 'cli-verify'));
  await db.initialize();
  try {
    const report = await verifyIntegrity(db, {
      kafka: options.kafka
        ? { client: createKafka(config.kafka, 'cli-verify'), topic: config.kafka.topic }
        : undefined,
      expectHead: head ? { seq: head[1], hash: head[2] } : undefined,
    });
    if (options.json) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      process.stdout.write(
        `${report.events} events in ${report.streams} streams, ${report.sealed} sealed, ` +
          `${report.pending} not yet published; ${report.consultations} consultation log entries\n` +
          (report.ledgerHead
            ? `ledger head: seq ${report.ledgerHead.seq} ${report.ledgerHead.hash}\n`
            : '') +
          (report.publishedChecked === null
            ? 'the topic was not compared (--no-kafka)\n'
            : `compared the last message of ${report.publishedChecked} partitions with the store\n`),
      );
      for (const b of report.breaks) process.stdout.write(`BROKEN: ${describe(b)}\n`);
      process.stdout.write(report.intact ? 'intact\n' : 'the stored history was altered\n');
    }
    if (!report.intact) process.exitCode = TAMPERING_FOUND;
  } finally {
    await db.destroy();
  }
}

export function verifyCommand(): Command {
  return new Command('verify')
    .description(
      'check that the stored history and the consultation log were not altered, deleted, ' +
        `inserted into or reordered (exit 0 intact, ${TAMPERING_FOUND} broken, 1 could not check)`,
    )
    .option('--no-kafka', "do not compare the topic's last messages with the store")
    .option('--json', 'print the report as JSON')
    .option(
      '--expect-head <seq:hash>',
      'a ledger head written down at an earlier check: the ledger must still hold it',
    )
    .action(verify);
}
