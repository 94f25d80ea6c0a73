import { RULES } from '@app/domain';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length } from 'class-validator';
import { OccurredAtDto } from '../../shared/request-parts.dto';

export class AmendCaseDetailsRequestDto extends OccurredAtDto {
  @ApiPropertyOptional({ maxLength: RULES.borderSectionMaxLength, example: 'Obrežje' })
  @IsOptional()
  @IsString()
  @Length(1, RULES.borderSectionMaxLength)
  borderSection?: string;

  @ApiPropertyOptional({
    description: 'Paragraph of KZ-1 Article 308',
    minimum: 1,
    maximum: 6,
    example: 3,
  })
  @IsOptional()
  @IsInt()
  @IsIn(RULES.article308Paragraphs)
  offenceParagraph?: number;

  @ApiPropertyOptional({
    maxLength: RULES.caseSummaryMaxLength,
    example: 'Van with 12 migrants stopped at the Obrežje motorway crossing; driver arrested.',
  })
  @IsOptional()
  @IsString()
  @Length(1, RULES.caseSummaryMaxLength)
  summary?: string;
}
