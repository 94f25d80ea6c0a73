import {
  CASE_EVENT_SCHEMA_VERSIONS,
  JOINT_OPERATION_EVENT_SCHEMA_VERSIONS,
  PROCEDURE_EVENT_SCHEMA_VERSIONS,
} from '@app/domain';
import {
  EVENT_ENVELOPE_SCHEMA,
  EVENT_METADATA_SCHEMA,
  kafkaHeadersSchema,
} from './envelope.schemas';
import {
  CORRECTABLE_EVENT_SCHEMAS,
  EVENT_DATA_SCHEMAS,
  eventSchemaVersions,
} from './events/event-schemas';
import { correctionRecordedV1 } from './events/lifecycle.schemas';
import { JsonSchema } from './json-schema';

export const ASYNCAPI_VERSION = '3.0.0';
const KAFKA_BINDING_VERSION = '0.5.0';
const CHANNEL = 'caseEvents';

/** The schema version each event type of every stream is written in now. */
const CURRENT_SCHEMA_VERSIONS: Readonly<Record<string, number>> = {
  ...CASE_EVENT_SCHEMA_VERSIONS,
  ...PROCEDURE_EVENT_SCHEMA_VERSIONS,
  ...JOINT_OPERATION_EVENT_SCHEMA_VERSIONS,
};

/** The id of a message (and of its data schema) in the document: `case.opened.v1`. */
export const messageId = (type: string, schemaVersion: number) => `${type}.v${schemaVersion}`;

/** The envelope of one message, as in the store, with `data` from the event's own schema. */
function message(type: string, schemaVersion: number): JsonSchema {
  const id = messageId(type, schemaVersion);
  const current = CURRENT_SCHEMA_VERSIONS[type];
  return {
    name: type,
    title: `${type} (schema v${schemaVersion})`,
    summary:
      schemaVersion === current
        ? 'Written now.'
        : `Written before v${current}; still stored and replayed as it was. Consumers lift it to v${current} (the event store's upcasters do).`,
    contentType: 'application/json',
    headers: kafkaHeadersSchema(type, schemaVersion),
    payload: {
      allOf: [
        { $ref: '#/components/schemas/EventEnvelope' },
        {
          properties: {
            type: { const: type },
            schemaVersion: { const: schemaVersion },
            data: { $ref: `#/components/schemas/${id}` },
          },
        },
      ],
    },
    bindings: {
      kafka: { key: { type: 'string', format: 'uuid' }, bindingVersion: KAFKA_BINDING_VERSION },
    },
  };
}

/**
 * The AsyncAPI 3.0 document of the event topic: every event type in every schema version it
 * was ever written in, with the envelope, the Kafka key and headers. Built from the same
 * schemas the tests validate the stored events against.
 */
export function buildAsyncApiDocument(options: { topic: string; version: string }) {
  const events = eventSchemaVersions();
  const { properties } = EVENT_ENVELOPE_SCHEMA as { properties: Record<string, JsonSchema> };
  return {
    asyncapi: ASYNCAPI_VERSION,
    info: {
      title: 'Smuggling cases events',
      version: options.version,
      description: [
        'Every event of the case, procedure and joint operation streams, as the relay publishes',
        'it from the event store. The message key is the stream (case, procedure or joint',
        'operation) id, so one stream stays on one partition, in order.',
        'The value is the event envelope as stored; `data` follows the schema of `type` in',
        '`schemaVersion`. Versions only grow: an older version stays valid for the events',
        'written in it, and consumers lift old data to the current version.',
        'Delivery is at least once: deduplicate on `eventId` or (`streamId`, `streamVersion`).',
      ].join(' '),
    },
    defaultContentType: 'application/json',
    channels: {
      [CHANNEL]: {
        address: options.topic,
        title: 'Case events',
        description:
          'The event topic (KAFKA_TOPIC). Keyed by stream id; headers name the type and schema ' +
          'version, so a consumer can route or skip a message without parsing its value.',
        messages: Object.fromEntries(
          events.map(({ type, schemaVersion }) => [
            messageId(type, schemaVersion),
            { $ref: `#/components/messages/${messageId(type, schemaVersion)}` },
          ]),
        ),
        bindings: { kafka: { topic: options.topic, bindingVersion: KAFKA_BINDING_VERSION } },
      },
    },
    operations: {
      publishCaseEvents: {
        action: 'send',
        channel: { $ref: `#/channels/${CHANNEL}` },
        summary: 'The relay publishes every stored event, in stream order, at least once.',
        messages: events.map(({ type, schemaVersion }) => ({
          $ref: `#/channels/${CHANNEL}/messages/${messageId(type, schemaVersion)}`,
        })),
      },
    },
    components: {
      schemas: {
        EventEnvelope: {
          ...EVENT_ENVELOPE_SCHEMA,
          properties: { ...properties, metadata: { $ref: '#/components/schemas/EventMetadata' } },
        },
        EventMetadata: EVENT_METADATA_SCHEMA,
        ...Object.fromEntries(
          events.map(({ type, schemaVersion }) => [
            messageId(type, schemaVersion),
            EVENT_DATA_SCHEMAS[type][schemaVersion],
          ]),
        ),
        // The same schema, naming the corrected types' schemas instead of repeating them.
        [messageId('case.correction-recorded', 1)]: correctionRecordedV1(
          Object.fromEntries(
            Object.entries(CORRECTABLE_EVENT_SCHEMAS).map(([type, versions]) => [
              type,
              Object.keys(versions).map((v) => ({
                $ref: `#/components/schemas/${messageId(type, Number(v))}`,
              })),
            ]),
          ),
        ),
      },
      messages: Object.fromEntries(
        events.map(({ type, schemaVersion }) => [
          messageId(type, schemaVersion),
          message(type, schemaVersion),
        ]),
      ),
    },
  };
}

export type AsyncApiDocument = ReturnType<typeof buildAsyncApiDocument>;
