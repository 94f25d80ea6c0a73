import { Logger } from '@nestjs/common';
import { Kafka, LogEntry, RetryOptions, logLevel } from 'kafkajs';
import { AppConfig } from '../config/app-config';

// Answers a broker gives while it starts or moves a coordinator; kafkajs retries them itself.
const TRANSIENT =
  /coordinator is loading|coordinator is not available|not the correct coordinator|leader is not available|not the leader/i;

/** kafkajs logs through Nest's logger, and its retried transient errors only at debug level. */
function logCreator() {
  const logger = new Logger('kafkajs');
  return ({ level, log }: LogEntry) => {
    const { message, error, ...rest } = log as { message: string; error?: string };
    const line = `${message}${error ? `: ${error}` : ''} ${JSON.stringify(rest)}`;
    if (level <= logLevel.ERROR && !(error && TRANSIENT.test(error))) logger.error(line);
    else if (level <= logLevel.WARN) logger.warn(line);
    else logger.debug(line);
  };
}

export function createKafka(
  config: AppConfig['kafka'],
  role: string,
  retry: RetryOptions = { initialRetryTime: 200, retries: 8 },
): Kafka {
  return new Kafka({
    clientId: `${config.clientId}.${role}`,
    brokers: config.brokers,
    logLevel: logLevel.WARN,
    logCreator,
    // A broker that is restarting answers within seconds; waiting longer only delays the 503.
    connectionTimeout: 3000,
    retry,
  });
}

/**
 * The topic is an event log: records never expire by time or size, and a partition is
 * never compacted (compaction by stream id would drop all but each case's last event).
 */
export async function ensureTopic(kafka: Kafka, config: AppConfig['kafka']): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    // Resolves false when the topic exists already, also when another service won the race.
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic: config.topic,
          numPartitions: config.partitions,
          replicationFactor: config.replicationFactor,
          configEntries: [
            { name: 'cleanup.policy', value: 'delete' },
            { name: 'retention.ms', value: '-1' },
            { name: 'retention.bytes', value: '-1' },
            { name: 'min.insync.replicas', value: String(config.minInsyncReplicas) },
          ],
        },
      ],
    });
  } finally {
    await admin.disconnect();
  }
}
