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

  @ApiProperty({ example: false })
  @IsBoolean()
  minor!: boolean;

  @PersonField({ givenName: 'Farid', familyName: 'Ahmadi', dateOfBirth: '1999-09-30' })
  person?: PersonDto;
}

export class ApprehendMigrantGroupRequestDto extends OccurredAtDto {
  @ShortText('Obrežje')
  place!: string;

  @ApiProperty({
    type: [GroupMigrantDto],
    minItems: 1,
    maxItems: RULES.migrantGroupMaxSize,
    // Found without papers, as a group mostly is: nobody a document would recognise.
    example: [
      { nationality: 'AF', minor: false },
      { nationality: 'AF', minor: true },
      { nationality: null, minor: false },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RULES.migrantGroupMaxSize)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => GroupMigrantDto)
  migrants!: GroupMigrantDto[];
}
