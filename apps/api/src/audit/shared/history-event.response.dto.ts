import { EventEnvelope } from '@app/event-store';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { redactSealedData } from './redact-sealed-data';

/** Who did it, on whose behalf, and why: the event's metadata as stored. */
export class HistoryMetadataDto {
  @ApiProperty({ description: 'The user (token subject) whose command recorded the event' })
  actorId!: string;

  @ApiProperty({ example: 'investigator' })
  role!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'novo-mesto',
    description: "The user's",
  })
  directorate!: string | null;

  @ApiProperty({ description: 'Follows one user action across commands, events and services' })
  correlationId!: string;

  @ApiProperty({ description: 'The command (or event) that caused this event' })
  causationId!: string;

  @ApiProperty()
  commandId!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  idempotencyKey!: string | null;
}

/** One stored event, as the store holds it. */
export class HistoryEventDto {
  @ApiProperty({ description: 'Global position in the store: the order of the history' })
  position!: string;

  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ format: 'uuid' })
  streamId!: string;

  @ApiProperty({ example: 'case' })
  streamType!: string;

  @ApiProperty({ description: 'Version of the stream this event made' })
  streamVersion!: number;

  @ApiProperty({ example: 'person.suspect-arrested' })
  type!: string;

  @ApiProperty({ description: 'The schema version the data was stored in (never rewritten)' })
  schemaVersion!: number;

  @ApiProperty({ format: 'date-time', description: 'When it happened in the world' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the store recorded it' })
  recordedAt!: string;

  @ApiProperty({ type: HistoryMetadataDto })
  metadata!: HistoryMetadataDto;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The data as stored, in its schemaVersion. Sealed personal data shows as ' +
      '{ scheme, personId, sealed: true }: reading it in clear is a route of its own.',
  })
  data!: Record<string, unknown>;

  static from(envelope: EventEnvelope): HistoryEventDto {
    const { metadata } = envelope;
    return {
      position: envelope.position,
      eventId: envelope.eventId,
      streamId: envelope.streamId,
      streamType: envelope.streamType,
      streamVersion: envelope.streamVersion,
      type: envelope.type,
      schemaVersion: envelope.schemaVersion,
      occurredAt: envelope.occurredAt,
      recordedAt: envelope.recordedAt,
      metadata: {
        actorId: metadata.actorId,
        role: metadata.role,
        directorate: metadata.directorate,
        correlationId: metadata.correlationId,
        causationId: metadata.causationId,
        commandId: metadata.commandId,
        idempotencyKey: metadata.idempotencyKey,
      },
      data: redactSealedData(envelope.data) as Record<string, unknown>,
    };
  }
}
