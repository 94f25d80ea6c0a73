import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { IsInstant } from '../../http/iso-instant';

/** Which past state: as of a moment, or as of a version; neither is the latest. */
export class CaseStateRequestDto {
  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'The case as the system had recorded it at this instant: every event whose recordedAt is ' +
      'at or before it (not occurredAt: a fact entered late is not in the state before it was ' +
      'entered). Not with version.',
  })
  @IsOptional()
  @IsInstant()
  asOf?: string;

  @ApiPropertyOptional({
    example: '3',
    description: 'The case as its events up to this stream version make it. Not with asOf.',
  })
  @IsOptional()
  @Matches(/^[1-9]\d{0,8}$/, { message: 'version must be a stream version, 1 or more' })
  version?: string;
}
