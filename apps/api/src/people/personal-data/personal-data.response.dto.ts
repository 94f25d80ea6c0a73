import { DOCUMENT_TYPES } from '@app/personal-data';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PersonalDataRecord } from './personal-data.query';

class IdentityDocumentDto {
  @ApiProperty({ enum: DOCUMENT_TYPES })
  type!: string;

  @ApiProperty()
  number!: string;

  @ApiProperty({ example: 'RS', description: 'ISO 3166-1 alpha-2' })
  issuingCountry!: string;
}

class PersonalDataDto {
  @ApiPropertyOptional()
  givenName?: string;

  @ApiPropertyOptional()
  familyName?: string;

  @ApiPropertyOptional({ example: '1990-04-01' })
  dateOfBirth?: string;

  @ApiPropertyOptional({ type: [IdentityDocumentDto] })
  documents?: IdentityDocumentDto[];

  @ApiPropertyOptional()
  biometricReference?: string;
}

class PersonalDataRecordDto {
  @ApiProperty({ format: 'uuid', description: 'The event that recorded it' })
  eventId!: string;

  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ example: 'person.identity-established' })
  type!: string;

  @ApiProperty({ format: 'date-time' })
  occurredAt!: string;

  @ApiProperty({ format: 'date-time' })
  recordedAt!: string;

  @ApiProperty({ type: PersonalDataDto })
  personalData!: PersonalDataDto;
}

export class PersonalDataResponseDto {
  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty({ type: [PersonalDataRecordDto], description: 'In the order they were recorded' })
  records!: PersonalDataRecordDto[];

  static of(personId: string, records: readonly PersonalDataRecord[]): PersonalDataResponseDto {
    return {
      personId,
      records: records.map((r) => ({
        eventId: r.eventId,
        caseId: r.caseId,
        type: r.type,
        occurredAt: r.occurredAt.toISOString(),
        recordedAt: r.recordedAt.toISOString(),
        personalData: {
          ...r.personalData,
          documents: r.personalData.documents?.map((d) => ({ ...d })),
        },
      })),
    };
  }
}
