import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import {
  NationalityField,
  OccurredAtDto,
  PersonDto,
  PersonField,
  ShortText,
} from '../../shared/request-parts.dto';

export class ApprehendMigrantRequestDto extends OccurredAtDto {
  @NationalityField()
  nationality!: string | null;

  @ApiProperty({ example: false })
  @IsBoolean()
  minor!: boolean;

  @ShortText('Obrežje')
  place!: string;

  @PersonField({
    givenName: 'Rami',
    familyName: 'Haddad',
    dateOfBirth: '2001-02-14',
    documents: [{ type: 'passport', number: 'N012345678', issuingCountry: 'SY' }],
  })
  person?: PersonDto;
}
