import { DIRECTORATES, NEIGHBOURING_COUNTRIES, RULES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  ValidateNested,
} from 'class-validator';
import {
  NationalityField,
  OccurredAtDto,
  PersonDto,
  PersonField,
  ShortText,
} from '../../cases/shared/request-parts.dto';
import {
  HandoverStepDto,
  IntentStepDto,
  ReferralStepDto,
  ReleaseStepDto,
} from '../shared/steps.dto';

/** Nested steps with their own times; each is decided as if recorded on its own. */
function Step(type: new () => object, description: string) {
  return (target: object, property: string) => {
    ApiPropertyOptional({ type, description })(target, property);
    IsOptional()(target, property);
    IsObject()(target, property);
    ValidateNested()(target, property);
    Type(() => type)(target, property);
  };
}

export class ApprehendedForeignerDto {
  @NationalityField()
  nationality!: string | null;

  @ApiProperty()
  @IsBoolean()
  minor!: boolean;

  @PersonField('Who the person is; a person caught again is recognised by id or document')
  person?: PersonDto;

  @Step(OccurredAtDto, 'Detention under the State Border Control Act (48 h)')
  borderDetention?: OccurredAtDto;

  @Step(IntentStepDto, 'The intent to apply for international protection')
  intent?: IntentStepDto;

  @Step(ReferralStepDto, 'Referral to the Asylum Home (or its Logatec branch) or the Aliens Centre')
  referral?: ReferralStepDto;

  @Step(HandoverStepDto, 'Handover to a neighbouring police under the readmission agreement')
  handover?: HandoverStepDto;

  @Step(ReleaseStepDto, 'Release')
  release?: ReleaseStepDto;
}

export class ApprehendForeignersRequestDto extends OccurredAtDto {
  @ApiProperty({ enum: DIRECTORATES })
  @IsIn(DIRECTORATES)
  directorate!: string;

  @ApiProperty({ example: 'Obrežje', maxLength: RULES.borderSectionMaxLength })
  @IsString()
  @Length(1, RULES.borderSectionMaxLength)
  borderSection!: string;

  @ApiProperty({ enum: NEIGHBOURING_COUNTRIES, description: 'The country the people came from' })
  @IsIn(NEIGHBOURING_COUNTRIES)
  cameFrom!: string;

  @ShortText('Obrežje, by the Krka')
  place!: string;

  // `type` is stated: reflection sees `string | null` as an Object.
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The smuggling case the people were found in; each must be a migrant of it',
  })
  @IsOptional()
  @IsUUID('all')
  caseId?: string | null;

  @ApiPropertyOptional({
    type: String,
    example: 'HR-SI-2024-03',
    nullable: true,
    maxLength: RULES.shortTextMaxLength,
  })
  @IsOptional()
  @IsString()
  @Length(1, RULES.shortTextMaxLength)
  jointOperation?: string | null;

  @ApiProperty({
    type: [ApprehendedForeignerDto],
    minItems: 1,
    maxItems: RULES.migrantGroupMaxSize,
    description: 'One procedure each, answered in this order',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RULES.migrantGroupMaxSize)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ApprehendedForeignerDto)
  persons!: ApprehendedForeignerDto[];
}
