import { DIRECTORATES } from '@app/domain';
import { ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { IsIn, IsISO31661Alpha2, IsOptional, Matches } from 'class-validator';
import { PageSizeDto } from '../../http/cursor';
import { ReadAfterDto } from '../../read-side/freshness';

export const PEOPLE_SORTS = ['-apprehensions', '-asylumIntents', '-lastSeenAt'] as const;

const COUNT = /^(?:0|[1-9]\d{0,3})$/;

export class RepeatPersonsRequestDto extends IntersectionType(PageSizeDto, ReadAfterDto) {
  @ApiPropertyOptional({
    example: '2',
    description: 'At least this many apprehensions (or arrests)',
  })
  @IsOptional()
  @Matches(COUNT, { message: 'minApprehensions must be an integer from 0 to 9999' })
  minApprehensions?: string;

  @ApiPropertyOptional({ example: '2', description: 'At least this many asylum intents' })
  @IsOptional()
  @Matches(COUNT, { message: 'minAsylumIntents must be an integer from 0 to 9999' })
  minAsylumIntents?: string;

  @ApiPropertyOptional({ example: 'AF', description: 'Latest known nationality' })
  @IsOptional()
  @IsISO31661Alpha2()
  nationality?: string;

  @ApiPropertyOptional({ enum: DIRECTORATES, description: 'Seen in a case of this directorate' })
  @IsOptional()
  @IsIn(DIRECTORATES)
  directorate?: string;

  @ApiPropertyOptional({ enum: PEOPLE_SORTS, description: 'Default -apprehensions' })
  @IsOptional()
  @IsIn(PEOPLE_SORTS)
  sort?: (typeof PEOPLE_SORTS)[number];

  @ApiPropertyOptional({ example: '1', description: 'Page number, from 1' })
  @IsOptional()
  @Matches(/^[1-9]\d{0,5}$/, { message: 'page must be an integer from 1' })
  page?: string;
}
