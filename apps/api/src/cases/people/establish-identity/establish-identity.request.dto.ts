import { IDENTIFICATION_METHODS } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import {
  NationalityField,
  OccurredAtDto,
  PersonDto,
  PersonField,
} from '../../shared/request-parts.dto';

export class EstablishIdentityRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: IDENTIFICATION_METHODS })
  @IsIn(IDENTIFICATION_METHODS)
  method!: string;

  @NationalityField('RS')
  nationality!: string | null;

  @PersonField(
    {
      givenName: 'Marko',
      familyName: 'Petrović',
      dateOfBirth: '1987-06-02',
      documents: [{ type: 'id-card', number: '004512376', issuingCountry: 'RS' }],
    },
    'personId comes from the path',
  )
  person?: PersonDto;
}
