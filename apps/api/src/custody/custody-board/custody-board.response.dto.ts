import { CUSTODY_RULES, DIRECTORATES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** An instant in UTC, with Slovenian wall-clock time beside it for people reading the board. */
export class InstantDto {
  @ApiProperty({ example: '2024-03-15T09:00:00.000Z' })
  utc!: string;

  @ApiProperty({ example: '2024-03-15T10:00:00+01:00', description: 'Europe/Ljubljana' })
  local!: string;

  static of(at: Date): InstantDto {
    return { utc: at.toISOString(), local: localTime(at) };
  }
}

const LOCAL = new Intl.DateTimeFormat('en-CA', {
  timeZone: CUSTODY_RULES.timeZone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** ISO 8601 with the zone's offset at that instant, e.g. 2024-07-01T12:00:00+02:00. */
export function localTime(at: Date): string {
  const part = Object.fromEntries(LOCAL.formatToParts(at).map((p) => [p.type, p.value]));
  const wall = `${part.year}-${part.month}-${part.day}T${part.hour}:${part.minute}:${part.second}`;
  const offsetMinutes = Math.round(
    (Date.parse(`${wall}Z`) - Math.floor(at.getTime() / 1000) * 1000) / 60_000,
  );
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${wall}${sign}${hh}:${mm}`;
}

export class CustodyClockDto {
  @ApiProperty({
    enum: [
      'police-custody',
      'written-detention-decision',
      'judicial-detention',
      'remand-order-service',
      'remand',
    ],
  })
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

export class HeldPersonDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty({ enum: DIRECTORATES })
  directorate!: string;

  @ApiProperty({ enum: ['suspect', 'migrant'] })
  role!: string;

  @ApiPropertyOptional({ nullable: true, example: 'RS' })
  nationality!: string | null;

  @ApiProperty({ enum: ['arrested', 'police-detention', 'before-judge', 'remand'] })
  phase!: string;

  @ApiProperty({ type: InstantDto, description: 'When the deprivation of liberty began' })
  heldSince!: InstantDto;

  @ApiProperty({ type: InstantDto, description: 'The nearest deadline of a running clock' })
  nextDeadline!: InstantDto;

  @ApiProperty({ type: [CustodyClockDto] })
  clocks!: CustodyClockDto[];
}

export class CustodyBoardResponseDto {
  @ApiProperty({ type: InstantDto, description: 'The moment "now" of this answer' })
  asOf!: InstantDto;

  @ApiProperty({ type: [HeldPersonDto], description: 'Nearest deadline first' })
  items!: HeldPersonDto[];

  @ApiPropertyOptional({ nullable: true, description: 'Pass as cursor for the next page' })
  nextCursor!: string | null;
}
