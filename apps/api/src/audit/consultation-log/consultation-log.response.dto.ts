import { LoggedConsultation } from '@app/audit';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class RecordRefDto {
  @ApiProperty({ enum: ['case', 'person', 'consultation-log', 'integrity'] })
  kind!: string;

  @ApiProperty()
  id!: string;
}

export class ConsultationDto {
  @ApiProperty({ description: 'Order in the log; the hash chain follows it' })
  seq!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty()
  actorId!: string;

  @ApiProperty()
  role!: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  directorate!: string | null;

  @ApiProperty({ enum: ['consultation', 'disclosure', 'erasure'] })
  action!: string;

  @ApiProperty({ example: 'GET /custody-board', description: 'The route that read or erased' })
  purpose!: string;

  @ApiProperty({ type: [RecordRefDto], description: 'The records shown or erased, by id only' })
  records!: RecordRefDto[];

  @ApiPropertyOptional({ type: String, nullable: true })
  justification!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'For a disclosure: to whom' })
  recipient!: string | null;

  @ApiProperty()
  correlationId!: string;

  @ApiProperty({ description: 'Hex SHA-256 chaining this entry to the previous one' })
  hash!: string;

  static from(entry: LoggedConsultation): ConsultationDto {
    return { ...entry, records: [...entry.records] };
  }
}

export class ConsultationLogResponseDto {
  @ApiProperty({ type: [ConsultationDto], description: 'Oldest first' })
  items!: ConsultationDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page',
  })
  nextCursor!: string | null;
}
