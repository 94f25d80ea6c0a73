import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import {
  NationalityField,
  OccurredAtDto,
  PersonDto,
  PersonField,
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

  @PersonField()
  person?: PersonDto;
}
