import {
  CLOCK_KINDS,
  CaseEvent,
  HISTORY_RULES,
  custodyBreaches,
  entryStatuses,
  foldHistory,
  historyBreaks,
} from '@app/domain';
import { EventEnvelope, toDomainEvent } from '@app/event-store';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { redactSealedData } from '../../audit/shared/redact-sealed-data';

export class TimelineRecorderDto {
  @ApiProperty({ description: 'The user (token subject) who made the entry' })
  actorId!: string;

  @ApiProperty({ example: 'investigator' })
  role!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'koper' })
  directorate!: string | null;
}

export class TimelineEntryDto {
  @ApiProperty({ format: 'uuid', description: 'Name it to correct or withdraw the entry' })
  eventId!: string;

  @ApiProperty({ example: 'custody.remand-ordered' })
  type!: string;

  @ApiProperty({
    format: 'date-time',
    description: 'When it happened, as the record now says (after corrections)',
  })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When it happened, as first entered' })
  enteredOccurredAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When it was recorded' })
  recordedAt!: string;

  @ApiProperty({ type: TimelineRecorderDto })
  recordedBy!: TimelineRecorderDto;

  @ApiProperty({ enum: ['standing', 'corrected', 'withdrawn'] })
  status!: 'standing' | 'corrected' | 'withdrawn';

  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true })
  withdrawnBy!: string | null;

  @ApiProperty({ type: [String], description: 'Standing corrections, the latest last' })
  correctedBy!: string[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'The data as entered; sealed personal data shows as { sealed: true }',
  })
  data!: Record<string, unknown>;
}

export class TimelineBreachDto {
  @ApiProperty({ format: 'uuid' })
  eventId!: string;

  @ApiProperty({ example: 'ASYLUM.CANNOT_RETURN' })
  rule!: string;

  @ApiProperty()
  meaning!: string;
}

export class TimelineMissedDutyDto {
  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty({ enum: CLOCK_KINDS })
  kind!: string;

  @ApiProperty({ format: 'date-time' })
  deadline!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Met late; null: never',
  })
  metAt!: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the clock stopped unmet',
  })
  endedAt!: string | null;
}

export class TimelineMissingDto {
  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty({
    type: [String],
    example: ['hearing-before-judge'],
    description: 'Steps the law puts before facts on record that are not on record themselves',
  })
  missingOnRecord!: string[];
}

export class TimelineResponseDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ example: 'koper' })
  directorate!: string;

  @ApiProperty({
    type: [TimelineEntryDto],
    description: 'Every entry, in the order things happened; corrections and withdrawals too',
  })
  entries!: TimelineEntryDto[];

  @ApiProperty({
    type: [TimelineBreachDto],
    description:
      'Acts on record that broke a rule when they were done, e.g. a return after an intent',
  })
  breaches!: TimelineBreachDto[];

  @ApiProperty({
    type: [TimelineMissedDutyDto],
    description: 'Legal duties met late or never: a decision after 6 h, a hearing after 48 h, ...',
  })
  missedDuties!: TimelineMissedDutyDto[];

  @ApiProperty({
    type: [TimelineMissingDto],
    description: 'Who has steps still to be entered, with their true time',
  })
  missing!: TimelineMissingDto[];

  static of(
    caseId: string,
    directorate: string,
    envelopes: readonly EventEnvelope[],
  ): TimelineResponseDto {
    const history = envelopes.map((e) => toDomainEvent<CaseEvent>(e));
    const file = foldHistory(history);
    const statuses = entryStatuses(history);
    const entries = envelopes.map((envelope): TimelineEntryDto => {
      const status = statuses.get(envelope.eventId);
      const { actorId, role, directorate } = envelope.metadata;
      return {
        eventId: envelope.eventId,
        type: envelope.type,
        occurredAt: (status?.occurredAt ?? new Date(envelope.occurredAt)).toISOString(),
        enteredOccurredAt: envelope.occurredAt,
        recordedAt: envelope.recordedAt,
        recordedBy: { actorId, role, directorate },
        status: status?.status ?? 'standing',
        withdrawnBy: status?.withdrawnBy ?? null,
        correctedBy: [...(status?.correctedBy ?? [])],
        data: redactSealedData(envelope.data) as Record<string, unknown>,
      };
    });
    return {
      caseId,
      directorate,
      entries: entries.sort(
        (a, b) =>
          Date.parse(a.occurredAt) - Date.parse(b.occurredAt) ||
          a.recordedAt.localeCompare(b.recordedAt),
      ),
      missing:
        file.status === 'none'
          ? []
          : Object.values(file.persons)
              .filter((p) => p.missingOnRecord.length > 0)
              .map((p) => ({ personId: p.personId, missingOnRecord: [...p.missingOnRecord] })),
      missedDuties: custodyBreaches(history).map((b) => ({
        personId: b.personId,
        kind: b.kind,
        deadline: b.deadline.toISOString(),
        metAt: b.metAt?.toISOString() ?? null,
        endedAt: b.endedAt?.toISOString() ?? null,
      })),
      breaches: historyBreaks(history).map((b) => ({
        eventId: b.event.eventId ?? '',
        rule: b.code,
        meaning: HISTORY_RULES[b.code] ?? b.code,
      })),
    };
  }
}
