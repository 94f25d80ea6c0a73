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
  @NationalityField('RS')
  nationality!: string | null;

  @ApiProperty({
    description: 'Slovenian citizen (dual citizens too) or foreigner',
    example: false,
  })
  @IsBoolean()
  slovenianCitizen!: boolean;

  @ShortText('Obrežje, motorway rest area')
  place!: string;

  @PersonField({
    givenName: 'Marko',
    familyName: 'Petrović',
    dateOfBirth: '1987-06-02',
    documents: [{ type: 'passport', number: 'P4501882', issuingCountry: 'RS' }],
  })
  person?: PersonDto;
}
