import { RULES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ISO_INSTANT, ISO_INSTANT_MESSAGE } from '../../../http/iso-instant';

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
  @Matches(ISO_INSTANT, { message: ISO_INSTANT_MESSAGE })
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
