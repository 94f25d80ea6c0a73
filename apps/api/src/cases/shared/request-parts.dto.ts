import { RULES } from '@app/domain';
import { DOCUMENT_TYPES, AdmissionRequest } from '@app/personal-data';
import { ArgumentMetadata, ParseUUIDPipe, PipeTransform } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsObject,
  IsIn,
  IsISO31661Alpha2,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsInstant } from '../../http/iso-instant';
import { RequestValidationError } from '../../http/request-validation';

/**
 * Path parameters that name a stream or a person are UUIDs; anything else is a 400. They are
 * stored in lower case, so they are read in lower case too.
 */
export function uuidParam(name: string): PipeTransform<string, Promise<string>> {
  const validate = new ParseUUIDPipe({
    exceptionFactory: () =>
      new RequestValidationError([{ field: name, messages: [`${name} must be a UUID`] }]),
  });
  return {
    transform: async (value: string, metadata: ArgumentMetadata) =>
      (await validate.transform(value, metadata)).toLowerCase(),
  };
}

export class OccurredAtDto {
  @ApiProperty({
    format: 'date-time',
    example: '2024-03-14T09:30:00+01:00',
    description: 'When it happened; legal clocks run from this time. Not in the future.',
  })
  @IsInstant()
  occurredAt!: string;
}

/**
 * The example of an inherited `occurredAt`, for a step the law orders after others: the examples
 * tell one story, each step at its own time, so that they are accepted in the order of the law.
 */
export function OccurredAtExample(example: string): ClassDecorator {
  return (target) => ApiProperty({ example })(target.prototype as object, 'occurredAt');
}

/** Free text of a bounded length, e.g. a court, a place, a reference. */
export function ShortText(example: string) {
  return (target: object, property: string) => {
    ApiProperty({ example, maxLength: RULES.shortTextMaxLength })(target, property);
    IsString()(target, property);
    Length(1, RULES.shortTextMaxLength)(target, property);
  };
}

export function OptionalNote(example: string) {
  return (target: object, property: string) => {
    ApiPropertyOptional({ maxLength: RULES.noteMaxLength, nullable: true, example })(
      target,
      property,
    );
    IsOptional()(target, property);
    IsString()(target, property);
    Length(0, RULES.noteMaxLength)(target, property);
  };
}

/** ISO 3166-1 alpha-2, or null when not known. */
export function NationalityField(example: string | null = 'SY') {
  return (target: object, property: string) => {
    ApiProperty({
      type: String,
      example,
      nullable: true,
      description: 'ISO 3166-1 alpha-2; null if unknown',
    })(target, property);
    ValidateIf((o: Record<string, unknown>) => o[property] !== null)(target, property);
    IsISO31661Alpha2()(target, property);
  };
}

export class IdentityDocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES })
  @IsIn(DOCUMENT_TYPES)
  type!: (typeof DOCUMENT_TYPES)[number];

  @ApiProperty({ example: 'P1234567', maxLength: 40 })
  @IsString()
  @Matches(/^[A-Za-z0-9 -]{1,40}$/, {
    message: 'number must be 1 to 40 letters, digits, spaces or dashes',
  })
  number!: string;

  @ApiProperty({ example: 'AF' })
  @IsISO31661Alpha2()
  issuingCountry!: string;
}

/**
 * Who the person is. Everything here except personId is personal data: it is sealed with the
 * person's own key before it reaches an event, and documents are matched by keyed hash.
 */
export class PersonDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'A person already registered (from an earlier case)',
  })
  @IsOptional()
  @IsUUID('all')
  personId?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  givenName?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  familyName?: string;

  @ApiPropertyOptional({ format: 'date', example: '1990-05-17' })
  @IsOptional()
  @IsCalendarDate()
  dateOfBirth?: string;

  @ApiPropertyOptional({ type: [IdentityDocumentDto], maxItems: 5 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => IdentityDocumentDto)
  documents?: IdentityDocumentDto[];

  @ApiPropertyOptional({ description: 'e.g. a Eurodac reference', maxLength: 64 })
  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9-]{1,64}$/, {
    message: 'biometricReference must be 1 to 64 letters, digits or dashes',
  })
  biometricReference?: string;
}

export function toAdmission(person: PersonDto | undefined, personId?: string): AdmissionRequest {
  const { personId: givenId, documents, ...rest } = person ?? {};
  const personalData = {
    ...rest,
    ...(documents ? { documents: documents.map((d) => ({ ...d })) } : {}),
  };
  return {
    // Ids are stored in Postgres's spelling (lower case), so that text searches find them.
    personId: (personId ?? givenId)?.toLowerCase(),
    personalData: Object.keys(personalData).length > 0 ? personalData : undefined,
  };
}

/**
 * The optional `person` of a command about someone: one object, validated as a PersonDto. Its
 * example is the command's own: a person of one command's example (their documents) must not be
 * recognised as the person of another's, and none names a personId, which only a store that
 * registered the person can know.
 */
export function PersonField(example: Omit<PersonDto, 'personId'>, description?: string) {
  return (target: object, property: string) => {
    ApiPropertyOptional({ type: PersonDto, description, example })(target, property);
    IsOptional()(target, property);
    IsObject()(target, property);
    ValidateNested()(target, property);
    Type(() => PersonDto)(target, property);
  };
}
