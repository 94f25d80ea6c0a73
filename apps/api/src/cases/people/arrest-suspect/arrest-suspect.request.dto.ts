import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, ValidateNested } from 'class-validator';
import {
  NationalityField,
  OccurredAtDto,
  PersonDto,
  ShortText,
} from '../../shared/request-parts.dto';

export class ArrestSuspectRequestDto extends OccurredAtDto {
  @NationalityField()
  nationality!: string | null;

  @ApiProperty({ description: 'Slovenian citizen (dual citizens too) or foreigner' })
  @IsBoolean()
  slovenianCitizen!: boolean;

  @ShortText('Obrežje, motorway rest area')
  place!: string;

  @ApiPropertyOptional({ type: PersonDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  person?: PersonDto;
}
