import { DIRECTORATES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { IsCalendarDate } from '../../http/iso-instant';
import { ReadAfterDto } from '../../read-side/freshness';

export class PressStatisticsRequestDto extends ReadAfterDto {
  @ApiProperty({ example: '2024-01-01', description: 'First day of the period (Europe/Ljubljana)' })
  @IsCalendarDate()
  from!: string;

  @ApiProperty({
    example: '2024-03-01',
    description: 'The day after the period: "2024 up to 1 March" is from 2024-01-01 to 2024-03-01',
  })
  @IsCalendarDate()
  to!: string;

  @ApiPropertyOptional({
    enum: DIRECTORATES,
    description: 'Only cases and procedures of this directorate',
  })
  @IsOptional()
  @IsIn(DIRECTORATES)
  directorate?: string;
}
