import { CLOCK_KINDS, DIRECTORATES, SAFEGUARDS } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InstantDto } from '../../http/instant.dto';

/** Border detention (State Border Control Act) is a clock of its own, never criminal custody. */
export const BOARD_CLOCK_KINDS = [...CLOCK_KINDS, 'border-detention'] as const;

export class NextActionDto {
  @ApiProperty({ example: 'release-or-bring-before-judge', description: 'Stable, for translation' })
  code!: string;

  @ApiProperty({
    example: 'release or bring before the investigating judge by 21:28',
    description: "In a custody officer's words, times in Ljubljana",
  })
  text!: string;
}

export class CustodyClockDto {
  @ApiProperty({ enum: BOARD_CLOCK_KINDS })
  kind!: string;

  @ApiProperty({ type: InstantDto })
  startedAt!: InstantDto;

  @ApiProperty({ type: InstantDto })
  deadline!: InstantDto;

  @ApiPropertyOptional({ type: InstantDto, nullable: true, description: 'When the duty was met' })
  metAt!: InstantDto | null;

  @ApiProperty({ description: 'Running and past its deadline' })
  overdue!: boolean;
}

/** A clock on the desk: how it stands now and what must happen by its deadline. */
export class DeskClockDto extends CustodyClockDto {
  @ApiProperty({ enum: ['running', 'overdue', 'met'] })
  state!: 'running' | 'overdue' | 'met';

  @ApiProperty({ description: 'Whole minutes to the deadline; negative: overdue by' })
  minutesLeft!: number;

  @ApiPropertyOptional({ type: NextActionDto, nullable: true, description: 'Null once met' })
  action!: NextActionDto | null;
}

export class SafeguardDelayDto {
  @ApiProperty({ type: InstantDto })
  at!: InstantDto;

  @ApiProperty()
  reason!: string;

  @ApiProperty()
  authorisedBy!: string;
}

export class SafeguardDto {
  @ApiProperty({ enum: SAFEGUARDS })
  safeguard!: string;

  @ApiProperty({
    enum: ['open', 'delayed', 'provided'],
    description: 'Open: owed and neither given nor lawfully delayed',
  })
  status!: string;

  @ApiProperty({
    type: InstantDto,
    description: 'Owed since: the deprivation of liberty or the request',
  })
  dueSince!: InstantDto;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'While open, whole minutes since it is owed',
  })
  openMinutes!: number | null;

  @ApiPropertyOptional({ type: InstantDto, nullable: true })
  providedAt!: InstantDto | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  providedBy!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  detail!: string | null;

  @ApiPropertyOptional({ type: SafeguardDelayDto, nullable: true })
  delayed!: SafeguardDelayDto | null;
}

export class RemandUseDto {
  @ApiProperty({ description: 'Months of remand ordered in this case, earlier remands included' })
  monthsUsed!: number;

  @ApiProperty({ description: 'The most the law allows in this case as it stands' })
  ceilingMonths!: number;
}

export class PersonNameDto {
  @ApiPropertyOptional({ type: String, nullable: true })
  givenName!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  familyName!: string | null;
}

export class HeldPersonDto {
  @ApiProperty({
    enum: ['criminal-custody', 'border-detention'],
    description: 'Held in a case, or detained in a police procedure with a foreigner',
  })
  detention!: 'criminal-custody' | 'border-detention';

  @ApiProperty({
    format: 'uuid',
    type: String,
    nullable: true,
    description: 'The case; for a border detention, the case the procedure is linked to, if any',
  })
  caseId!: string | null;

  @ApiProperty({
    format: 'uuid',
    type: String,
    nullable: true,
    description: 'The procedure of a border detention; null in criminal custody',
  })
  procedureId!: string | null;

  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiPropertyOptional({
    type: PersonNameDto,
    nullable: true,
    description: 'Only when asked for with names=true and a justification (logged)',
  })
  name!: PersonNameDto | null;

  @ApiProperty({ enum: DIRECTORATES })
  directorate!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'NM-2024-3F9A1C07' })
  caseReference!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  caseSummary!: string | null;

  @ApiProperty({ enum: ['suspect', 'migrant'] })
  role!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'RS' })
  nationality!: string | null;

  @ApiProperty()
  minor!: boolean;

  @ApiProperty({
    enum: ['arrested', 'police-detention', 'before-judge', 'remand', 'border-detention'],
  })
  phase!: string;

  @ApiProperty({ type: InstantDto, description: 'When the deprivation of liberty began' })
  heldSince!: InstantDto;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Where the person is held' })
  detentionPlace!: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The court acting on custody' })
  court!: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The officer responsible for the case (who opened it)',
  })
  responsibleOfficer!: string | null;

  @ApiPropertyOptional({ type: RemandUseDto, nullable: true })
  remand!: RemandUseDto | null;

  @ApiProperty({ description: 'A clock is past its deadline with its duty unmet' })
  overdue!: boolean;

  @ApiPropertyOptional({
    type: InstantDto,
    nullable: true,
    description: 'The most recent deadline passed unmet',
  })
  overdueSince!: InstantDto | null;

  @ApiPropertyOptional({
    type: InstantDto,
    nullable: true,
    description: 'The nearest deadline still ahead',
  })
  nextDeadline!: InstantDto | null;

  @ApiPropertyOptional({
    type: InstantDto,
    nullable: true,
    description: 'Held with no running lawful ground since then (every ground has run out)',
  })
  noGroundSince!: InstantDto | null;

  @ApiProperty({
    type: NextActionDto,
    description: 'What must happen first: the latest breach, else the nearest deadline',
  })
  nextAction!: NextActionDto;

  @ApiProperty({ type: [DeskClockDto] })
  clocks!: DeskClockDto[];

  @ApiProperty({
    type: [SafeguardDto],
    description: 'Owed or given in this deprivation of liberty',
  })
  safeguards!: SafeguardDto[];

  @ApiProperty({ description: 'Safeguards owed and neither given nor lawfully delayed' })
  openSafeguards!: number;
}

export class CustodyBoardResponseDto {
  @ApiProperty({ type: InstantDto, description: 'The moment "now" of this answer' })
  asOf!: InstantDto;

  @ApiProperty({
    type: [HeldPersonDto],
    description: 'Overdue first (the most recently breached on top), then by time left',
  })
  items!: HeldPersonDto[];

  @ApiProperty({
    description:
      'People held with no running lawful ground for longer than the stale limit: listed apart at /custody-board/stale, never in items',
  })
  staleCount!: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page',
  })
  nextCursor!: string | null;
}

export class StaleCustodyResponseDto {
  @ApiProperty({ type: InstantDto })
  asOf!: InstantDto;

  @ApiProperty({
    type: [HeldPersonDto],
    description:
      'Held with no running lawful ground since long ago, the longest first: a release never recorded',
  })
  items!: HeldPersonDto[];
}
