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

  @ApiProperty()
  @IsBoolean()
  minor!: boolean;

  @ShortText('Obrežje')
  place!: string;

  @PersonField()
  person?: PersonDto;
}
