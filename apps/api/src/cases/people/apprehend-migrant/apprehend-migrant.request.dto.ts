import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsObject, IsOptional, ValidateNested } from 'class-validator';
import {
  NationalityField,
  OccurredAtDto,
  PersonDto,
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

  @ApiPropertyOptional({ type: PersonDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  person?: PersonDto;
}
