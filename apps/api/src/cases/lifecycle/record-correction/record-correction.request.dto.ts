import { RULES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsObject, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { IsInstant } from '../../../http/iso-instant';

export class RecordCorrectionRequestDto {
  @ApiProperty({
    format: 'uuid',
    description: 'The eventId of the event being corrected',
    // Only a stored record's own id works here; the store makes it at random, so no example
    // can (test/e2e/openapi-examples.e2e-spec.ts lists the operation as an exception).
    example: '3c9a1f6e-8b2d-4e7a-a5c4-1d0e9f8b7a62',
  })
  @IsUUID('all')
  correctedEventId!: string;

  @ApiProperty({
    maxLength: RULES.noteMaxLength,
    example: 'Arrest time copied from the wrong report.',
  })
  @IsString()
  @Length(1, RULES.noteMaxLength)
  reason!: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'The corrected time of the event',
    example: '2024-03-14T08:45:00+01:00',
  })
  @IsOptional()
  @IsInstant()
  occurredAt?: string;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'Corrected values of the event\'s correctable fields, e.g. {"place": "Metlika"}',
    example: { place: 'Metlika' },
  })
  @IsOptional()
  @IsObject()
  changes?: Record<string, unknown>;
}
