import { Logger } from '@nestjs/common';
import { Admin, Kafka, LogEntry, RetryOptions, logLevel } from 'kafkajs';
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
 * Where a projection puts the messages of `topic` it cannot apply (see `dead-letters.ts` of
 * the read models). One name for the projector that writes it, the API's metrics and the CLI.
 */
export const deadLetterTopic = (topic: string) => `${topic}.dead-letters`;

/**
 * The topic is an event log: records never expire by time or size, and a partition is
 * never compacted (compaction by stream id would drop all but each case's last event).
 * `topic` names another topic made the same way (the dead letters), with at least
 * `partitions` partitions (added to an existing topic that has fewer).
 */
export async function ensureTopic(
  kafka: Kafka,
  config: AppConfig['kafka'],
  {
    topic = config.topic,
    partitions = config.partitions,
  }: { topic?: string; partitions?: number } = {},
): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    if (topic !== config.topic && (await admin.listTopics()).includes(topic)) {
      return await addPartitions(admin, topic, partitions);
    }
    // Resolves false when the topic exists already, also when another service won the race.
    const created = await admin.createTopics({
      waitForLeaders: true,
      topics: [
        {
          topic,
          numPartitions: partitions,
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
    // The event topic keeps its partitions (more would move streams to other partitions).
    if (!created && topic !== config.topic) await addPartitions(admin, topic, partitions);
  } finally {
    await admin.disconnect();
  }
}

async function addPartitions(admin: Admin, topic: string, partitions: number): Promise<void> {
  const [existing] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
  if (existing.partitions.length < partitions) {
    await admin.createPartitions({ topicPartitions: [{ topic, count: partitions }] });
  }
}
