import { DIRECTORATES } from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

/** Query parameters arrive as text; each is checked as text and read once valid. */
export class CustodyBoardRequestDto {
  @ApiPropertyOptional({
    description: 'Only people whose next deadline falls within this time from now: 90m, 6h, 2d',
    example: '6h',
  })
  @IsOptional()
  @Matches(/^[1-9]\d{0,4}[mhd]$/, { message: 'expiringWithin must be like 90m, 6h or 2d' })
  expiringWithin?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: 'Only people past (or not past) a deadline',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({ enum: DIRECTORATES })
  @IsOptional()
  @IsIn(DIRECTORATES)
  directorate?: string;

  @ApiPropertyOptional({ description: 'Page size, 1 to 200', example: '50' })
  @IsOptional()
  @Matches(/^(?:[1-9]\d?|1\d\d|200)$/, { message: 'limit must be an integer from 1 to 200' })
  limit?: string;

  @ApiPropertyOptional({ description: 'The nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be a nextCursor of this route' })
  cursor?: string;
}

const MINUTES = { m: 1, h: 60, d: 1440 } as const;

export function durationMs(text: string): number {
  const unit = text.slice(-1) as keyof typeof MINUTES;
  return Number(text.slice(0, -1)) * MINUTES[unit] * 60_000;
}
