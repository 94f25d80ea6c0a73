import {
  EVENT_COLUMNS,
  EventEnvelope,
  EventRow,
  toEnvelope,
  toKafkaMessage,
} from '@app/event-store';
import { AppConfig, createKafka } from '@app/platform';
import { createHash, randomUUID } from 'node:crypto';
import { CompressionTypes, Message, Partitioners } from 'kafkajs';
import { Pool } from 'pg';
import { envelopeCheck } from '../test/harness/event-contract';

/** Stored events that the domain wrote through the API, in the order they were stored. */
export async function loadTemplates(databaseUrl: string): Promise<EventEnvelope[]> {
  const pool = new Pool({ connectionString: databaseUrl, max: 1 });
  try {
    const { rows } = await pool.query<EventRow>(
      `SELECT ${EVENT_COLUMNS} FROM event_store.events e ORDER BY e.position`,
    );
    return rows.map(toEnvelope);
  } finally {
    await pool.end();
  }
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Copies of a history the domain wrote, as many as make `total` events: each copy gets fresh
 * ids everywhere (cases, people, events, correlations), consistently within the copy, so that
 * its cases are new cases with the same facts, and positions that go on from the last copy's.
 * Their hashes are well-formed chains over the copies' ids, not the store's own hash of the
 * content: a projection does not read them, and recomputing Postgres' canonical jsonb in Node
 * is not what is measured here.
 */
export function* copiesOf(templates: readonly EventEnvelope[], total: number): Generator<Message> {
  const texts = templates.map((t) => JSON.stringify({ ...t, position: '@@P@@', hash: '@@H@@' }));
  const previous = new Map<string, string>();
  let position = 0;
  for (let copy = 0; position < total; copy++) {
    const ids = new Map<string, string>();
    const remap = (id: string) => {
      let mapped = ids.get(id);
      if (!mapped) ids.set(id, (mapped = randomUUID()));
      return mapped;
    };
    for (let i = 0; i < templates.length && position < total; i++) {
      const t = templates[i];
      position++;
      const streamId = remap(t.streamId);
      const eventId = remap(t.eventId);
      const hash = createHash('sha256')
        .update(previous.get(streamId) ?? '')
        .update(eventId)
        .digest('hex');
      previous.set(streamId, hash);
      const value = texts[i]
        .replace(UUID, remap)
        .replace('@@P@@', String(position))
        .replace('@@H@@', hash);
      yield {
        key: streamId,
        value,
        headers: {
          ...toKafkaMessage({ ...t, eventId, streamId }).headers,
          'correlation-id': remap(t.metadata.correlationId),
          'ledger-seq': String(position),
          'ledger-hash': hash,
        },
      };
    }
  }
}

/** Throws unless the first `sample` copies meet the published event contract. */
export function checkCopies(templates: readonly EventEnvelope[], sample: number): void {
  const check = envelopeCheck();
  for (const message of copiesOf(templates, sample)) {
    const problem = check(JSON.parse(String(message.value)) as EventEnvelope);
    if (problem) throw new Error(`a generated event breaks the contract: ${problem}`);
  }
}

/**
 * Puts `total` copied events on the config's topic with a plain batched producer: the fastest
 * way to a long history, which is not what the rebuild is timed on. One sender per partition
 * (the partition the relay's partitioner picks) keeps each stream in order while the partitions
 * are written at once; batches stay well under the broker's message size limit.
 */
export async function produceCopies(
  config: AppConfig,
  templates: readonly EventEnvelope[],
  total: number,
): Promise<{ seconds: number; bytes: number }> {
  const { topic, partitions } = config.kafka;
  const producer = createKafka(config.kafka, 'bench-history').producer({
    allowAutoTopicCreation: false,
  });
  const partitioner = Partitioners.DefaultPartitioner();
  const partitionMetadata = Array.from({ length: partitions }, (_, partitionId) => ({
    partitionId,
    leader: 1,
    replicas: [1],
    isr: [1],
    partitionErrorCode: 0,
  }));
  await producer.connect();
  const started = Date.now();
  let bytes = 0;
  const buffers: Message[][] = Array.from({ length: partitions }, () => []);
  const chains: Promise<void>[] = Array.from({ length: partitions }, () => Promise.resolve());
  const pending = new Array<number>(partitions).fill(0);
  const flush = async (partition: number) => {
    const messages = buffers[partition];
    if (messages.length === 0) return;
    buffers[partition] = [];
    if (pending[partition] >= 2) await chains[partition];
    pending[partition]++;
    chains[partition] = chains[partition].then(async () => {
      await producer.send({ topic, acks: 1, compression: CompressionTypes.None, messages });
      pending[partition]--;
    });
  };
  try {
    for (const message of copiesOf(templates, total)) {
      bytes += String(message.value).length;
      const partition = partitioner({ topic, partitionMetadata, message });
      buffers[partition].push({ ...message, partition });
      if (buffers[partition].length === 500) await flush(partition);
    }
    for (let p = 0; p < partitions; p++) await flush(p);
    await Promise.all(chains);
  } finally {
    await producer.disconnect();
  }
  return { seconds: (Date.now() - started) / 1000, bytes };
}
