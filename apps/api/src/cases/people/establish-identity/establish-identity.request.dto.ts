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

  @NationalityField()
  nationality!: string | null;

  @PersonField('personId comes from the path')
  person?: PersonDto;
}
