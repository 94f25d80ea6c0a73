import { DIRECTORATES } from '@app/domain';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageRequestDto } from '../../http/cursor';
import { IsInstant } from '../../http/iso-instant';
import { ReadAfterDto } from '../../read-side/freshness';

export class CustodyBreachesRequestDto extends IntersectionType(PageRequestDto, ReadAfterDto) {
  @ApiPropertyOptional({ enum: DIRECTORATES })
  @IsOptional()
  @IsIn(DIRECTORATES)
  directorate?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Deadlines at or after this instant' })
  @IsOptional()
  @IsInstant()
  from?: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'Deadlines before this instant' })
  @IsOptional()
  @IsInstant()
  to?: string;
}
