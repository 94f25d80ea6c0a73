import { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { EventEnvelope } from './event-envelope';

/** Header names are part of the event contract: consumers route on them without parsing. */
export const EventHeaders = {
  type: 'event-type',
  schemaVersion: 'event-schema-version',
  contentType: 'content-type',
  eventId: 'event-id',
  streamId: 'stream-id',
  streamVersion: 'stream-version',
  correlationId: 'correlation-id',
  ledgerSeq: 'ledger-seq',
  ledgerHash: 'ledger-hash',
} as const;

/** Where the relay sealed an event on the store's ledger (hex hash). */
export interface LedgerLink {
  readonly seq: string;
  readonly hash: string;
}

/**
 * Keyed by stream id so that one stream always lands on one partition, in order. The ledger
 * link, when given, travels in the headers: the topic then holds, outside the database, the
 * chain's value at every event, which a rewrite of the history before it cannot keep.
 */
export function toKafkaMessage(envelope: EventEnvelope, ledger?: LedgerLink): Message {
  return {
    key: envelope.streamId,
    value: JSON.stringify(envelope),
    headers: {
      [EventHeaders.type]: envelope.type,
      [EventHeaders.schemaVersion]: String(envelope.schemaVersion),
      [EventHeaders.contentType]: 'application/json',
      [EventHeaders.eventId]: envelope.eventId,
      [EventHeaders.streamId]: envelope.streamId,
      [EventHeaders.streamVersion]: String(envelope.streamVersion),
      [EventHeaders.correlationId]: envelope.metadata.correlationId,
      ...(ledger
        ? { [EventHeaders.ledgerSeq]: ledger.seq, [EventHeaders.ledgerHash]: ledger.hash }
        : {}),
    },
  };
}

export class UndecodableMessageError extends Error {
  constructor(reason: string) {
    super(`Undecodable event message: ${reason}`);
    this.name = 'UndecodableMessageError';
  }
}

export function fromKafkaMessage(message: KafkaMessage): EventEnvelope {
  if (!message.value) throw new UndecodableMessageError('empty value');
  let envelope: EventEnvelope;
  try {
    envelope = JSON.parse(message.value.toString('utf8')) as EventEnvelope;
  } catch {
    throw new UndecodableMessageError('value is not JSON');
  }
  if (
    typeof envelope?.type !== 'string' ||
    typeof envelope.streamId !== 'string' ||
    !Number.isInteger(envelope.streamVersion) ||
    typeof envelope.position !== 'string'
  ) {
    throw new UndecodableMessageError('value is not an event envelope');
  }
  return envelope;
}

export function headerValue(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}
