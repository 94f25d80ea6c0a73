import { DIRECTORATES, RULES } from '@app/domain';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageRequestDto } from '../../http/cursor';
import { IsCalendarDate } from '../../http/iso-instant';
import { ReadAfterDto } from '../../read-side/freshness';

export const CASELOAD_SORTS = [
  'openedAt',
  '-openedAt',
  'migrants',
  '-migrants',
  'inCustody',
  '-inCustody',
] as const;
export type CaseloadSort = (typeof CASELOAD_SORTS)[number];

export class CaseloadRequestDto extends IntersectionType(PageRequestDto, ReadAfterDto) {
  @ApiPropertyOptional({ enum: DIRECTORATES })
  @IsOptional()
  @IsIn(DIRECTORATES)
  directorate?: string;

  @ApiPropertyOptional({ example: 'Obrežje' })
  @IsOptional()
  @IsString()
  @Length(1, RULES.shortTextMaxLength)
  borderSection?: string;

  @ApiPropertyOptional({ enum: ['open', 'closed'] })
  @IsOptional()
  @IsIn(['open', 'closed'])
  status?: 'open' | 'closed';

  @ApiPropertyOptional({ description: 'Code of a joint operation', example: 'HR-SI-2024-03' })
  @IsOptional()
  @IsString()
  @Length(1, RULES.shortTextMaxLength)
  jointOperation?: string;

  @ApiPropertyOptional({
    example: '2024-01-01',
    description: 'Opened on or after this day (Europe/Ljubljana)',
  })
  @IsOptional()
  @IsCalendarDate()
  openedFrom?: string;

  @ApiPropertyOptional({
    example: '2024-03-01',
    description: 'Opened before this day (Europe/Ljubljana)',
  })
  @IsOptional()
  @IsCalendarDate()
  openedTo?: string;

  @ApiPropertyOptional({ enum: CASELOAD_SORTS, description: 'Default -openedAt, newest first' })
  @IsOptional()
  @IsIn(CASELOAD_SORTS)
  sort?: CaseloadSort;
}
