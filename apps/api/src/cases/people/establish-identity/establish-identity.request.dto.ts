import { IDENTIFICATION_METHODS } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, ValidateNested } from 'class-validator';
import { NationalityField, OccurredAtDto, PersonDto } from '../../shared/request-parts.dto';

export class EstablishIdentityRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: IDENTIFICATION_METHODS })
  @IsIn(IDENTIFICATION_METHODS)
  method!: string;

  @NationalityField()
  nationality!: string | null;

  @ApiPropertyOptional({ type: PersonDto, description: 'personId comes from the path' })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  person?: PersonDto;
}
