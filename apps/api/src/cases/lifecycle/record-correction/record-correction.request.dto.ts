import { RULES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsInstant } from '../../../http/iso-instant';

export class RecordCorrectionRequestDto {
  @ApiProperty({ format: 'uuid', description: 'The eventId of the event being corrected' })
  @IsUUID('all')
  correctedEventId!: string;

  @ApiProperty({
    maxLength: RULES.noteMaxLength,
    example: 'Arrest time copied from the wrong report.',
  })
  @IsString()
  @Length(1, RULES.noteMaxLength)
  reason!: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'The corrected time of the event' })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Corrected values of the event\'s correctable fields, e.g. {"place": "Metlika"}',
  })
  @IsOptional()
  @IsObject()
  changes?: Record<string, unknown>;
}
