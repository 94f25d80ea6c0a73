import { DIRECTORATES } from '@app/domain';
import { ApiPropertyOptional, IntersectionType, PickType } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { PageRequestDto } from '../../http/cursor';
import { ReadAfterDto } from '../../read-side/freshness';

/** Query parameters arrive as text; each is checked as text and read once valid. */
export class CustodyBoardRequestDto extends IntersectionType(PageRequestDto, ReadAfterDto) {
  @ApiPropertyOptional({
    description:
      'Only people with a running clock that ends within this time from now (90m, 6h, 2d), and everyone overdue unless overdue=false',
    example: '6h',
  })
  @IsOptional()
  @Matches(/^[1-9]\d{0,4}[mhd]$/, { message: 'expiringWithin must be like 90m, 6h or 2d' })
  expiringWithin?: string;

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: only people past a deadline. false: being overdue alone does not put a person on the board (with expiringWithin, their running clocks still do)',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      "Show each person's name: needs the right to read personal data and an X-Justification (logged)",
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  names?: 'true' | 'false';

  @ApiPropertyOptional({ enum: DIRECTORATES })
  @IsOptional()
  @IsIn(DIRECTORATES)
  directorate?: string;
}

const MINUTES = { m: 1, h: 60, d: 1440 } as const;

export function durationMs(text: string): number {
  const unit = text.slice(-1) as keyof typeof MINUTES;
  return Number(text.slice(0, -1)) * MINUTES[unit] * 60_000;
}

/** The stale list: a directorate's, with names on the board's terms. */
export class StaleCustodyRequestDto extends IntersectionType(
  ReadAfterDto,
  PickType(CustodyBoardRequestDto, ['directorate', 'names'] as const),
) {}
