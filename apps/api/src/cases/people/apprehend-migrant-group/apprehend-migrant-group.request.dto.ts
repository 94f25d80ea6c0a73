import { RULES } from '@app/domain';
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsObject,
  ValidateNested,
} from 'class-validator';
import {
  NationalityField,
  OccurredAtDto,
  PersonDto,
  PersonField,
  ShortText,
} from '../../shared/request-parts.dto';

export class GroupMigrantDto {
  @NationalityField()
  nationality!: string | null;

  @ApiProperty()
  @IsBoolean()
  minor!: boolean;

  @PersonField()
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
