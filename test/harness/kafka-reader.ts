import { EventEnvelope, fromKafkaMessage, headerValue } from '@app/event-store';
import { Kafka, KafkaMessage, logLevel } from 'kafkajs';
import { uniqueSuffix } from './test-env';

export interface ReadMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string | null;
  readonly headers: Record<string, string | undefined>;
  readonly envelope: EventEnvelope;
}

/** A message's headers as strings. */
export const headersOf = (message: KafkaMessage): Record<string, string | undefined> =>
  Object.fromEntries(
    Object.keys(message.headers ?? {}).map((name) => [name, headerValue(message.headers, name)]),
  );

/**
 * An independent consumer, sharing nothing with the projector: reads every message of a topic,
 * from the beginning up to the end offsets of the moment it is called, so counts are exact.
 * In partition and offset order.
 */
export async function readTopicMessages(
  brokers: string[],
  topic: string,
): Promise<{ partition: number; message: KafkaMessage }[]> {
  const kafka = new Kafka({ clientId: 'test-reader', brokers, logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const remaining = new Map(
    ends.filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]),
  );
  const messages: { partition: number; message: KafkaMessage }[] = [];
  if (remaining.size === 0) return messages;

  const consumer = kafka.consumer({
    groupId: `test-reader.${uniqueSuffix()}`,
    maxWaitTimeInMs: 100,
  });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    consumer
      .run({
        eachMessage: async ({ partition, message }) => {
          const end = remaining.get(partition);
          if (end === undefined || Number(message.offset) >= end) return;
          messages.push({ partition, message });
          if (Number(message.offset) === end - 1) remaining.delete(partition);
          if (remaining.size === 0) resolve();
        },
      })
      .catch(reject);
  });
  await consumer.disconnect();
  return messages.sort(
    (a, b) => a.partition - b.partition || Number(a.message.offset) - Number(b.message.offset),
  );
}

/** The whole event topic, each message decoded. */
export async function readWholeTopic(brokers: string[], topic: string): Promise<ReadMessage[]> {
  return (await readTopicMessages(brokers, topic)).map(({ partition, message }) => ({
    partition,
    offset: message.offset,
    key: message.key?.toString() ?? null,
    headers: headersOf(message),
    envelope: fromKafkaMessage(message),
  }));
}

/** Per stream, the versions in the order they were read. */
export function versionsByStream(messages: readonly ReadMessage[]): Map<string, number[]> {
  const byStream = new Map<string, number[]>();
  for (const { envelope } of messages) {
    byStream.set(envelope.streamId, [
      ...(byStream.get(envelope.streamId) ?? []),
      envelope.streamVersion,
    ]);
  }
  return byStream;
}
