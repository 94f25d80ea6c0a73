import {
  BORDER_DETENTION_MAX_HOURS,
  DIRECTORATES,
  Directorate,
  NEIGHBOURING_COUNTRIES,
  NeighbouringCountry,
  Procedure,
  REFERRAL_DESTINATIONS,
  ReferralDestination,
  borderDetentionClock,
} from '@app/domain';
import { ProcedureRow } from '@app/read-models';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ProcedureReferralDto {
  @ApiProperty({ enum: REFERRAL_DESTINATIONS })
  destination!: string;

  @ApiProperty({ format: 'date-time' })
  at!: string;
}

export class BorderDetentionDto {
  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({
    format: 'date-time',
    description: `${BORDER_DETENTION_MAX_HOURS} hours after the start (State Border Control Act)`,
  })
  expiresAt!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The earliest of the referral, the handover and the release; null: running',
  })
  endedAt!: string | null;
}

/** A procedure as the list and the detail show it; instants are when things happened. */
export class ProcedureItemDto {
  @ApiProperty({ format: 'uuid' })
  procedureId!: string;

  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty({ format: 'uuid', description: 'Shared by the people apprehended together' })
  groupId!: string;

  @ApiProperty({ enum: DIRECTORATES })
  directorate!: string;

  @ApiProperty()
  borderSection!: string;

  @ApiProperty({ enum: NEIGHBOURING_COUNTRIES, description: 'Where the person came from' })
  cameFrom!: string;

  @ApiProperty({ format: 'date-time' })
  apprehendedAt!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'AF',
    description: 'The nationality established last in the procedure; null while unknown',
  })
  nationality!: string | null;

  @ApiProperty()
  minor!: boolean;

  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The smuggling case the person was found in',
  })
  caseId!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'HR-SI-2024-03' })
  jointOperation!: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the intent to seek international protection was expressed',
  })
  intentAt!: string | null;

  @ApiPropertyOptional({ type: ProcedureReferralDto, nullable: true })
  referral!: ProcedureReferralDto | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  handedOverAt!: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  releasedAt!: string | null;

  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true })
  leftAsylumHomeAt!: string | null;

  @ApiPropertyOptional({ type: BorderDetentionDto, nullable: true })
  borderDetention!: BorderDetentionDto | null;

  static from(row: ProcedureRow): ProcedureItemDto {
    const procedure = procedureOf(row);
    const clock = borderDetentionClock(procedure);
    return {
      procedureId: row.procedureId,
      personId: row.personId,
      groupId: row.groupId,
      directorate: row.directorate,
      borderSection: row.borderSection,
      cameFrom: row.cameFrom,
      apprehendedAt: row.apprehendedAt.toISOString(),
      nationality: row.nationality,
      minor: row.minor,
      caseId: row.caseId,
      jointOperation: row.jointOperation,
      intentAt: iso(row.intentAt),
      referral: procedure.referral
        ? { destination: procedure.referral.destination, at: iso(procedure.referral.at)! }
        : null,
      handedOverAt: iso(row.handedOverAt),
      releasedAt: iso(row.releasedAt),
      leftAsylumHomeAt: iso(row.leftAsylumHomeAt),
      borderDetention: clock
        ? {
            startedAt: iso(clock.startedAt)!,
            expiresAt: iso(clock.expiresAt)!,
            endedAt: iso(clock.endedAt),
          }
        : null,
    };
  }
}

/** The row as the domain's procedure, for the domain's own rules (clock, missing steps). */
export function procedureOf(row: ProcedureRow): Procedure {
  return {
    procedureId: row.procedureId,
    personId: row.personId,
    groupId: row.groupId,
    directorate: row.directorate as Directorate,
    borderSection: row.borderSection,
    cameFrom: row.cameFrom as NeighbouringCountry,
    place: row.place,
    nationality: row.nationality,
    nationalityAt: row.nationalityAt,
    minor: row.minor,
    caseId: row.caseId,
    jointOperation: row.jointOperation,
    apprehendedAt: row.apprehendedAt,
    borderDetentionAt: row.borderDetentionAt,
    intentAt: row.intentAt,
    referral:
      row.referralDestination && row.referredAt
        ? { destination: row.referralDestination as ReferralDestination, at: row.referredAt }
        : null,
    handedOverAt: row.handedOverAt,
    releasedAt: row.releasedAt,
    // The read model keeps when the person left, not which home: the rules read here (clock,
    // missing steps) need only whether and when; a departure follows a referral to that home.
    leftAsylumHome: row.leftAsylumHomeAt
      ? { facility: row.referralDestination ?? 'unknown', at: row.leftAsylumHomeAt }
      : null,
  };
}

const iso = (at: Date | null) => (at ? at.toISOString() : null);

export class ReferralCountsDto {
  @ApiProperty()
  'asylum-home-ljubljana'!: number;

  @ApiProperty()
  'asylum-home-logatec'!: number;

  @ApiProperty()
  'aliens-centre'!: number;
}

export class ProcedureTotalsDto {
  @ApiProperty()
  procedures!: number;

  @ApiProperty({ description: 'Distinct people: one may have several procedures' })
  persons!: number;

  @ApiProperty({ description: 'Procedures with an intent to seek international protection' })
  expressedIntent!: number;

  @ApiProperty({ type: ReferralCountsDto, description: 'Procedures referred, by destination' })
  referrals!: ReferralCountsDto;

  @ApiProperty()
  handedOver!: number;

  @ApiProperty()
  released!: number;

  @ApiProperty({
    description:
      'Border detention started and not ended by a referral, handover or release ' +
      '(past its 48 hours too: the person is still held)',
  })
  inBorderDetention!: number;
}

export class ListProceduresResponseDto {
  @ApiProperty({ type: ProcedureTotalsDto, description: 'Over every procedure the filters select' })
  totals!: ProcedureTotalsDto;

  @ApiProperty({ type: [ProcedureItemDto], description: 'Latest apprehension first' })
  items!: ProcedureItemDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page',
  })
  nextCursor!: string | null;
}
