import { EventHeaders, UndecodableMessageError, headerValue } from '@app/event-store';
import { AppConfig, deadLetterTopic, ensureTopic } from '@app/platform';
import { Kafka, KafkaMessage, Message } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PROJECTION_NAMES, ProjectionName, READ_MODEL_SCHEMA } from './projection';

/**
 * Headers a dead letter carries besides the original message's own. The value and key are the
 * original's, byte for byte: the dead letter is the message as it was, and why it failed.
 */
export const DeadLetterHeaders = {
  projection: 'dlq-projection',
  error: 'dlq-error',
  sourcePartition: 'dlq-source-partition',
  sourceOffset: 'dlq-source-offset',
  failedAt: 'dlq-failed-at',
} as const;

/**
 * Each projection's dead letters go to a partition of their own (the key stays the stream
 * id), so that their count per projection is the partition's size, read without reading a
 * message, and a redrive can drop one projection's handled dead letters (Kafka deletes
 * records only as a partition's prefix).
 */
export function deadLetterPartition(projection: ProjectionName): number {
  return PROJECTION_NAMES.indexOf(projection);
}

export async function ensureDeadLetterTopic(kafka: Kafka, config: AppConfig['kafka']) {
  await ensureTopic(kafka, config, {
    topic: deadLetterTopic(config.topic),
    partitions: PROJECTION_NAMES.length,
  });
}

/** A message a projection could not apply, as the dead-letter topic holds it. */
export interface DeadLetter {
  readonly projection: string;
  readonly sourcePartition: number;
  readonly sourceOffset: string;
  /** From the original's headers (or key): absent when the producer gave none. */
  readonly streamId: string | null;
  readonly version: number | null;
  readonly type: string | null;
  readonly error: string;
  readonly failedAt: string;
  /** Where the dead letter itself is, on the dead-letter topic. */
  readonly partition: number;
  readonly offset: string;
}

export function deadLetterMessage(
  projection: ProjectionName,
  sourcePartition: number,
  message: KafkaMessage,
  error: string,
  failedAt: Date,
): Message {
  return {
    key: message.key,
    value: message.value,
    partition: deadLetterPartition(projection),
    headers: {
      ...message.headers,
      [DeadLetterHeaders.projection]: projection,
      [DeadLetterHeaders.error]: error,
      [DeadLetterHeaders.sourcePartition]: String(sourcePartition),
      [DeadLetterHeaders.sourceOffset]: message.offset,
      [DeadLetterHeaders.failedAt]: failedAt.toISOString(),
    },
  };
}

const MAX_ERROR_LENGTH = 500;

/**
 * The error as a dead letter and a log line state it: its name, its code and its message,
 * with anything quoted taken out, because Postgres and the runtime quote the value they
 * refused, and an event's data must not travel into an error text.
 */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return 'a value that is not an Error was thrown';
  const code = errorCode(error);
  const text = `${error.name}${code ? ` (${code})` : ''}: ${error.message}`
    .replace(/"[^"]*"/g, '"…"')
    .replace(/\s+/g, ' ');
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

function errorCode(error: Error): string | undefined {
  const { code, driverError } = error as { code?: unknown; driverError?: { code?: unknown } };
  const found = code ?? driverError?.code;
  return typeof found === 'string' ? found : undefined;
}

/**
 * Whether an error applying one message alone is the message's fault: `certain` (it cannot be
 * decoded, or its stream has a gap before it), `possible` (the projection or the domain's fold
 * refused it, or Postgres refused its data: confirmed by failing again while the database
 * answers), or `no` (the database, the broker or the network: retried by restarting the
 * consumer, never dead-lettered). A bug that breaks every event is `possible`, which is why
 * `stop` is the default policy: it dead-letters one event, not the whole topic.
 */
export function poisonLikelihood(error: unknown): 'certain' | 'possible' | 'no' {
  if (!(error instanceof Error)) return 'possible';
  if (error instanceof UndecodableMessageError || error.name === 'StreamGapError') {
    return 'certain';
  }
  if (error.name.startsWith('KafkaJS')) return 'no';
  const code = errorCode(error);
  if (code === undefined) return 'possible';
  // SQLSTATE class 22 (data exception) and 23 (integrity), but a unique violation may be a
  // zombie consumer's race on a checkpoint. Any other SQLSTATE, or a Node errno code
  // (ECONNREFUSED, ...), is not the message's fault; nor is a domain error's code-less kin.
  if (/^[0-9A-Z]{5}$/.test(code))
    return /^2[23]/.test(code) && code !== '23505' ? 'possible' : 'no';
  if (/^E[A-Z]+$/.test(code)) return 'no';
  return 'possible';
}

const READ_TIMEOUT_MS = 30_000;

/**
 * Every message on the dead-letter topic, from each partition's first offset (those before it
 * were redriven and deleted) to its end when called, read by a throwaway consumer group.
 * A projection that crashed between publishing a dead letter and recording that it did may
 * have published it twice: `pendingDeadLetters` lists each once.
 */
export async function readDeadLetters(kafka: Kafka, topic: string): Promise<DeadLetter[]> {
  const dlq = deadLetterTopic(topic);
  const admin = kafka.admin();
  await admin.connect();
  let remaining: Map<number, number>;
  try {
    if (!(await admin.listTopics()).includes(dlq)) return [];
    remaining = new Map(
      (await admin.fetchTopicOffsets(dlq))
        .filter((p) => Number(p.high) > Number(p.low))
        .map((p) => [p.partition, Number(p.high)]),
    );
  } finally {
    await admin.disconnect();
  }
  const letters: DeadLetter[] = [];
  if (remaining.size === 0) return letters;

  const groupId = `dead-letter-reader.${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: dlq, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`Kafka did not serve the dead letters of ${dlq} in time`)),
        READ_TIMEOUT_MS,
      );
      consumer
        .run({
          autoCommit: false,
          eachMessage: async ({ partition, message }) => {
            const end = remaining.get(partition);
            if (end === undefined || Number(message.offset) >= end) return;
            letters.push(parseDeadLetter(partition, message));
            if (Number(message.offset) === end - 1) remaining.delete(partition);
            if (remaining.size === 0) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error instanceof Error ? error : new Error(String(error)));
        });
    });
  } finally {
    await consumer.disconnect();
    const cleanup = kafka.admin();
    await cleanup.connect();
    await cleanup.deleteGroups([groupId]).catch(() => undefined);
    await cleanup.disconnect();
  }
  return letters.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

/** Each dead letter once: by projection and the source message it stands for. */
export function pendingDeadLetters(letters: readonly DeadLetter[]): DeadLetter[] {
  const seen = new Set<string>();
  return letters.filter((l) => {
    const key = `${l.projection}/${l.sourcePartition}/${l.sourceOffset}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function parseDeadLetter(partition: number, message: KafkaMessage): DeadLetter {
  const header = (name: string) => headerValue(message.headers, name) ?? null;
  const version = header(EventHeaders.streamVersion);
  return {
    projection: header(DeadLetterHeaders.projection) ?? 'unknown',
    sourcePartition: Number(header(DeadLetterHeaders.sourcePartition)),
    sourceOffset: header(DeadLetterHeaders.sourceOffset) ?? '',
    streamId: header(EventHeaders.streamId) ?? message.key?.toString() ?? null,
    version: version !== null && /^\d+$/.test(version) ? Number(version) : null,
    type: header(EventHeaders.type),
    error: header(DeadLetterHeaders.error) ?? '',
    failedAt: header(DeadLetterHeaders.failedAt) ?? '',
    partition,
    offset: message.offset,
  };
}

/** Refused while the projection runs: the runner reads its progress only when it starts. */
export class ProjectionRunningError extends Error {
  constructor(projection: string, groupId: string) {
    super(
      `the projector is running projection ${projection} (consumer group ${groupId} has ` +
        'members): stop the projector, redrive, then start it',
    );
    this.name = 'ProjectionRunningError';
  }
}

/**
 * Redrives a projection's dead letters: sets its progress back, on each partition, to the
 * first source message dead-lettered there, so that the projector, started again (with the
 * release that can apply them), reads them from the event topic again, in their place, and
 * the later events of their streams with them. What the projection applied already, the
 * checkpoints skip. Then the dead letters are deleted from their topic: they are no longer
 * pending. In that order, so a crash in between leaves them listed, and running the redrive
 * again does the same once more. Refused while the projection runs.
 */
export async function redriveDeadLetters(options: {
  kafka: Kafka;
  db: DataSource;
  config: AppConfig;
  projection: ProjectionName;
}): Promise<DeadLetter[]> {
  const { kafka, db, config, projection } = options;
  const groupId = `${config.projector.groupPrefix}.${projection}`;
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { groups } = await admin.describeGroups([groupId]);
    if (groups.some((g) => g.members.length > 0)) {
      throw new ProjectionRunningError(projection, groupId);
    }
    const letters = (await readDeadLetters(kafka, config.kafka.topic)).filter(
      (l) => l.projection === projection,
    );
    if (letters.length === 0) return [];
    const from = new Map<number, bigint>();
    for (const l of letters) {
      const offset = BigInt(l.sourceOffset);
      const earliest = from.get(l.sourcePartition);
      if (earliest === undefined || offset < earliest) from.set(l.sourcePartition, offset);
    }
    await db.transaction(async (tx) => {
      for (const [partition, offset] of from) {
        await tx.query(
          `UPDATE ${READ_MODEL_SCHEMA}.projection_progress
              SET next_offset = LEAST(next_offset, $3::bigint)
            WHERE projection = $1 AND partition = $2`,
          [projection, partition, offset.toString()],
        );
      }
    });
    const last = letters.reduce((max, l) => (Number(l.offset) > max ? Number(l.offset) : max), -1);
    await admin.deleteTopicRecords({
      topic: deadLetterTopic(config.kafka.topic),
      partitions: [{ partition: deadLetterPartition(projection), offset: String(last + 1) }],
    });
    return pendingDeadLetters(letters);
  } finally {
    await admin.disconnect();
  }
}
