import { RULES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  ValidateNested,
} from 'class-validator';
import {
  NationalityField,
  OccurredAtDto,
  PersonDto,
  ShortText,
} from '../../shared/request-parts.dto';

export class GroupMigrantDto {
  @NationalityField()
  nationality!: string | null;

  @ApiProperty()
  @IsBoolean()
  minor!: boolean;

  @ApiPropertyOptional({ type: PersonDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => PersonDto)
  person?: PersonDto;
}

export class ApprehendMigrantGroupRequestDto extends OccurredAtDto {
  @ShortText('Obrežje')
  place!: string;

  @ApiProperty({ type: [GroupMigrantDto], minItems: 1, maxItems: RULES.migrantGroupMaxSize })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RULES.migrantGroupMaxSize)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => GroupMigrantDto)
  migrants!: GroupMigrantDto[];
}
