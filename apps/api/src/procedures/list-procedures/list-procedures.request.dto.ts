import { DIRECTORATES, RULES } from '@app/domain';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { PageRequestDto } from '../../http/cursor';
import { IsCalendarDate } from '../../http/iso-instant';
import { ReadAfterDto } from '../../read-side/freshness';

export class ListProceduresRequestDto extends IntersectionType(PageRequestDto, ReadAfterDto) {
  @ApiPropertyOptional({ enum: DIRECTORATES })
  @IsOptional()
  @IsIn(DIRECTORATES)
  directorate?: string;

  @ApiPropertyOptional({ example: 'Sočerga' })
  @IsOptional()
  @IsString()
  @Length(1, RULES.shortTextMaxLength)
  borderSection?: string;

  @ApiPropertyOptional({
    example: '2024-01-01',
    description: 'Apprehended on or after this day (Europe/Ljubljana)',
  })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    example: '2024-03-01',
    description: 'Apprehended before this day (Europe/Ljubljana)',
  })
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ description: 'Code of a joint operation', example: 'HR-SI-2024-03' })
  @IsOptional()
  @IsString()
  @Length(1, RULES.shortTextMaxLength)
  jointOperation?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The smuggling case the person was found in',
  })
  @IsOptional()
  @IsUUID('all', { message: 'caseId must be a UUID' })
  caseId?: string;
}
