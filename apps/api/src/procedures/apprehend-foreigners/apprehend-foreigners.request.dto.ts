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

  @ApiProperty({ example: false })
  @IsBoolean()
  minor!: boolean;

  @PersonField(
    {
      givenName: 'Omar',
      familyName: 'Benali',
      dateOfBirth: '1996-04-21',
      documents: [{ type: 'passport', number: 'MA7720415', issuingCountry: 'MA' }],
    },
    'Who the person is; a person caught again is recognised by id or document',
  )
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
  @ApiProperty({ enum: DIRECTORATES, example: 'novo-mesto' })
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
  // The example is null: a case named here must exist and have these people as its migrants.
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    example: null,
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
    example: [
      { nationality: null, minor: false },
      {
        nationality: 'AF',
        minor: false,
        borderDetention: { occurredAt: '2024-03-14T09:45:00+01:00' },
      },
      { nationality: 'MA', minor: false },
      {
        nationality: 'AF',
        minor: true,
        intent: { occurredAt: '2024-03-14T10:15:00+01:00', statement: 'dictated' },
        referral: { occurredAt: '2024-03-14T11:00:00+01:00', destination: 'asylum-home-logatec' },
      },
    ],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(RULES.migrantGroupMaxSize)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ApprehendedForeignerDto)
  persons!: ApprehendedForeignerDto[];
}
