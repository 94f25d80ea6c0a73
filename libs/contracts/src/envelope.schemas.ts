import { ROLES } from '@app/auth';
import {
  CASE_STREAM_TYPE,
  DIRECTORATES,
  JOINT_OPERATION_STREAM_TYPE,
  PROCEDURE_STREAM_TYPE,
} from '@app/domain';
import { EventHeaders } from '@app/event-store';
import { JsonSchema, choice, closedObject, instant, nullable, uuid } from './json-schema';

/** Correlation ids and idempotency keys: the caller's own when well-formed (see the API). */
const safeId: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9._:-]{8,128}$' };
const decimal: JsonSchema = { type: 'string', pattern: '^[1-9][0-9]*$' };

/** Who did what, and why: `metadata` of every event. */
export const EVENT_METADATA_SCHEMA: JsonSchema = closedObject({
  actorId: { type: 'string', description: 'The token subject', minLength: 1, maxLength: 128 },
  role: choice(ROLES),
  directorate: nullable(choice(DIRECTORATES)),
  correlationId: { ...safeId, description: 'Follows one user action across services' },
  causationId: { ...uuid, description: 'The command (or event) that caused this event' },
  commandId: uuid,
  idempotencyKey: nullable(safeId),
});

/**
 * The envelope of every event, in the store and as the Kafka message value. `data` is
 * described by the schema of its `type` and `schemaVersion` (see `envelopeSchemaFor`).
 */
export const EVENT_ENVELOPE_SCHEMA: JsonSchema = closedObject({
  type: { type: 'string', description: 'Stable event type name, e.g. custody.remand-ordered' },
  schemaVersion: { type: 'integer', minimum: 1 },
  eventId: uuid,
  streamId: {
    ...uuid,
    description:
      "The case or procedure id, or the joint operation's (a UUID v5 of its code); also the Kafka message key",
  },
  streamType: choice([CASE_STREAM_TYPE, PROCEDURE_STREAM_TYPE, JOINT_OPERATION_STREAM_TYPE]),
  streamVersion: { type: 'integer', minimum: 1 },
  position: { ...decimal, description: 'Global position in the store (a bigint, as a string)' },
  occurredAt: { ...instant, description: 'When it happened in the world' },
  recordedAt: { ...instant, description: 'When the store recorded it' },
  data: { type: 'object' },
  metadata: EVENT_METADATA_SCHEMA,
  hash: {
    type: 'string',
    pattern: '^[0-9a-f]{64}$',
    description: "Hex SHA-256 linking the event to its stream's previous one (the hash chain)",
  },
});

/** The whole envelope of one event type and schema version. */
export function envelopeSchemaFor(
  type: string,
  schemaVersion: number,
  data: JsonSchema,
): JsonSchema {
  const { properties } = EVENT_ENVELOPE_SCHEMA as { properties: Record<string, JsonSchema> };
  return {
    ...EVENT_ENVELOPE_SCHEMA,
    properties: {
      ...properties,
      type: { const: type },
      schemaVersion: { const: schemaVersion },
      data,
    },
  };
}

/**
 * The Kafka headers of an event message: consumers route on them without parsing the value.
 * The relay adds the ledger link; a message published without one lacks both ledger headers.
 */
export function kafkaHeadersSchema(type?: string, schemaVersion?: number): JsonSchema {
  return closedObject(
    {
      [EventHeaders.type]: type === undefined ? { type: 'string' } : { const: type },
      [EventHeaders.schemaVersion]:
        schemaVersion === undefined ? decimal : { const: String(schemaVersion) },
      [EventHeaders.contentType]: { const: 'application/json' },
      [EventHeaders.eventId]: uuid,
      [EventHeaders.streamId]: uuid,
      [EventHeaders.streamVersion]: decimal,
      [EventHeaders.correlationId]: safeId,
    },
    {
      // Where the relay sealed the event on the store's ledger: with these, the topic keeps
      // the chain's value at every event outside the database.
      [EventHeaders.ledgerSeq]: decimal,
      [EventHeaders.ledgerHash]: { type: 'string', pattern: '^[0-9a-f]{64}$' },
    },
  );
}
