import { ASYLUM_FACILITIES } from '@app/domain';
import { CasePersonRow, CaseRow } from '@app/read-models';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseSummaryDto } from '../shared/case-summary.dto';

const iso = (at: Date | null) => at?.toISOString() ?? null;

class ReferralDto {
  @ApiProperty({ enum: ASYLUM_FACILITIES })
  facility!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

class PersonCustodyDto {
  @ApiProperty({
    enum: ['free', 'arrested', 'police-detention', 'before-judge', 'remand', 'handed-over'],
  })
  phase!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Held since; null if not held',
  })
  heldSince!: string | null;
}

class PersonProtectionDto {
  @ApiProperty({ enum: ['none', 'intent-expressed', 'referred', 'left-reception'] })
  status!: string;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  since!: string | null;

  @ApiProperty({ description: 'Intents to seek international protection expressed in this case' })
  asylumIntents!: number;

  @ApiProperty({ type: [ReferralDto] })
  referrals!: ReferralDto[];
}

export class CasePersonDto {
  @ApiProperty({ format: 'uuid', description: 'Stays the same across cases' })
  personId!: string;

  @ApiProperty({ enum: ['suspect', 'migrant'] })
  role!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'SY' })
  nationality!: string | null;

  @ApiProperty()
  slovenianCitizen!: boolean;

  @ApiProperty()
  minor!: boolean;

  @ApiProperty({ format: 'date-time', description: 'First arrest or apprehension in the case' })
  recordedAt!: string;

  @ApiProperty({ description: 'Times apprehended in this case' })
  apprehensions!: number;

  @ApiProperty({ type: PersonCustodyDto })
  custody!: PersonCustodyDto;

  @ApiProperty({ type: PersonProtectionDto })
  protection!: PersonProtectionDto;

  static from(row: CasePersonRow): CasePersonDto {
    return {
      personId: row.personId,
      role: row.role,
      nationality: row.nationality,
      slovenianCitizen: row.slovenianCitizen,
      minor: row.minor,
      recordedAt: row.recordedAt.toISOString(),
      apprehensions: row.apprehensions,
      custody: { phase: row.custodyPhase, heldSince: iso(row.heldSince) },
      protection: {
        status: row.protection,
        since: iso(row.protectionSince),
        asylumIntents: row.asylumIntents,
        referrals: row.referrals,
      },
    };
  }
}

/** A case with its people, their custody and their asylum referrals. */
export class CaseResponseDto extends CaseSummaryDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Earliest criminal complaint',
  })
  complaintFiledAt!: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  referredAt!: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  closedAt!: string | null;

  @ApiProperty({ description: 'Global position of the last event reflected.' })
  position!: string;

  @ApiProperty({ type: [CasePersonDto], description: 'In the order they were first recorded' })
  persons!: CasePersonDto[];

  static of(row: CaseRow, persons: readonly CasePersonRow[]): CaseResponseDto {
    return {
      ...CaseSummaryDto.from(row),
      complaintFiledAt: iso(row.complaintFiledAt),
      referredAt: iso(row.referredAt),
      closedAt: iso(row.closedAt),
      position: row.lastPosition,
      persons: persons.map((p) => CasePersonDto.from(p)),
    };
  }
}
