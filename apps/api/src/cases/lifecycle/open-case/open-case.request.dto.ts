import { DIRECTORATES, RULES } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Length } from 'class-validator';
import { IsInstant } from '../../../http/iso-instant';

export class OpenCaseRequestDto {
  @ApiProperty({ enum: DIRECTORATES, example: 'novo-mesto' })
  @IsIn(DIRECTORATES)
  directorate!: string;

  @ApiProperty({ example: 'Obrežje', maxLength: RULES.borderSectionMaxLength })
  @IsString()
  @Length(1, RULES.borderSectionMaxLength)
  borderSection!: string;

  @ApiProperty({ description: 'Paragraph of KZ-1 Article 308', minimum: 1, maximum: 6, example: 3 })
  @IsInt()
  @IsIn(RULES.article308Paragraphs)
  offenceParagraph!: number;

  @ApiProperty({ format: 'date-time', example: '2024-03-13T22:15:00Z' })
  @IsInstant()
  openedAt!: string;

  @ApiProperty({
    maxLength: RULES.caseSummaryMaxLength,
    example: 'Van stopped at the Obrežje motorway crossing with 12 migrants; the driver arrested.',
  })
  @IsString()
  @Length(1, RULES.caseSummaryMaxLength)
  summary!: string;
}
