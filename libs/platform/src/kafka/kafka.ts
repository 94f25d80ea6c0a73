import { Logger } from '@nestjs/common';
import { Admin, Kafka, LogEntry, RetryOptions, logLevel } from 'kafkajs';
import { AppConfig } from '../config/app-config';
import { untilAvailable } from '../lifecycle/until-available';
// Before any client is made: see the file.
import './request-queue';

// Answers a broker gives while it starts or moves a coordinator; kafkajs retries them itself.
const TRANSIENT =
  /coordinator is loading|coordinator is not available|not the correct coordinator|leader is not available|not the leader/i;

// A broker that cannot be reached or went away, or Postgres under a consumer's batch: the
// client retries, or fails to its caller, which waits and retries (untilAvailable, the relay's
// loop, the consumer's restart). Worth a warning while it lasts; the readiness probe and the
// lag say when it needs a person. Only words to go by: kafkajs logs messages, not errors.
const UNREACHABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|Connection error|Connection timeout|Closed connection|connection closed|not connected|Failed to connect|Restarting the consumer|Connection terminated|terminating connection|database system is/i;

// A CreateTopics answered with an error per topic ("Topic creation errors", which does not
// say which). createTopics resolves false when each says the topic exists (another service
// created it first, see ensureTopic), and otherwise throws to its caller, which reports it.
const CREATE_TOPICS_ANSWER = /^Response CreateTopics\(/;

/**
 * kafkajs logs through Nest's logger: at error only what needs a person, the outages it or
 * its callers retry at warn without a stack, the answers it expects at debug.
 */
function logCreator() {
  const logger = new Logger('kafkajs');
  return ({ level, log }: LogEntry) => {
    const { message, error, stack, ...rest } = log as {
      message: string;
      error?: string;
      stack?: string;
    };
    const line = `${message}${error ? `: ${error}` : ''} ${JSON.stringify(rest)}`;
    const text = `${message} ${error ?? ''}`;
    if (CREATE_TOPICS_ANSWER.test(message)) logger.debug(line);
    else if (level <= logLevel.ERROR && !TRANSIENT.test(text) && !UNREACHABLE.test(text)) {
      logger.error(stack ? `${line}\n${stack}` : line);
    } else if (level <= logLevel.WARN) logger.warn(line);
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
    // Asked first: a CreateTopics for a topic that exists is answered with an error, which
    // kafkajs logs as one. At every start but the first, the topic exists.
    if ((await admin.listTopics()).includes(topic)) {
      if (topic !== config.topic) await addPartitions(admin, topic, partitions);
      return;
    }
    // Resolves false when the topic exists already: another service won the race.
    const created = await admin
      .createTopics({
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
      })
      .catch(async (error: unknown) => {
        // Created, but the broker that answers metadata does not know it yet (KRaft hands a
        // new topic from the controller to the brokers a moment later), and kafkajs waits only
        // while it says "leader not available". Seen on a loaded machine.
        if (!isUnknownTopic(error)) throw error;
        await untilKnown(admin, topic);
        return true;
      });
    // The event topic keeps its partitions (more would move streams to other partitions).
    if (!created && topic !== config.topic) await addPartitions(admin, topic, partitions);
  } finally {
    await admin.disconnect();
  }
}

/**
 * ensureTopic for a service's start, which waits for the broker as long as it is down
 * (untilAvailable). Through a client of its own that gives up at the first refusal and logs
 * nothing itself, so that each attempt is the one line the wait writes.
 */
export async function ensureTopicWhenAvailable(
  config: AppConfig['kafka'],
  role: string,
): Promise<void> {
  const kafka = new Kafka({
    clientId: `${config.clientId}.${role}`,
    brokers: config.brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3000,
    retry: { retries: 0 },
  });
  await untilAvailable('Kafka', 'creating the event topic', () => ensureTopic(kafka, config));
}

const isUnknownTopic = (error: unknown) =>
  (error as { type?: string }).type === 'UNKNOWN_TOPIC_OR_PARTITION';

async function untilKnown(admin: Admin, topic: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.fetchTopicMetadata({ topics: [topic] });
      return;
    } catch (error) {
      if (!isUnknownTopic(error) || attempt === 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function addPartitions(admin: Admin, topic: string, partitions: number): Promise<void> {
  const [existing] = (await admin.fetchTopicMetadata({ topics: [topic] })).topics;
  if (existing.partitions.length < partitions) {
    await admin.createPartitions({ topicPartitions: [{ topic, count: partitions }] });
  }
}
