import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { PageRequestDto, UUID_PATTERN } from '../../http/cursor';
import { IsInstant } from '../../http/iso-instant';

const ACTIONS = ['consultation', 'disclosure', 'erasure'] as const;

/** Filters and page of the consultation log. */
export class ConsultationLogRequestDto extends PageRequestDto {
  @ApiPropertyOptional({ description: 'Entries of this user (the token subject)', maxLength: 200 })
  @IsOptional()
  @IsString()
  @Matches(/^[^\p{Cc}\p{Cs}]{1,200}$/u, {
    message: 'actorId must be 1 to 200 characters, none of them control characters',
  })
  actorId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Entries naming this case or person' })
  @IsOptional()
  @Matches(UUID_PATTERN, { message: 'recordId must be a UUID' })
  recordId?: string;

  @ApiPropertyOptional({ enum: ACTIONS })
  @IsOptional()
  @IsIn(ACTIONS)
  action?: (typeof ACTIONS)[number];

  @ApiPropertyOptional({ format: 'date-time', description: 'Logged at or after (inclusive)' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Logged before (exclusive)' })
  @IsOptional()
  @IsInstant()
  to?: string;
}

/** Where the next page starts: after this entry. */
export interface ConsultationCursor {
  readonly after: string;
}

export const isConsultationCursor = (cursor: ConsultationCursor): boolean =>
  typeof cursor.after === 'string' && /^[1-9]\d{0,17}$/.test(cursor.after);
