import { CLOCK_KINDS, DIRECTORATES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InstantDto } from '../../http/instant.dto';

/** Border detention (State Border Control Act) is a clock of its own, never criminal custody. */
export const BOARD_CLOCK_KINDS = [...CLOCK_KINDS, 'border-detention'] as const;

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

  @ApiProperty({ enum: DIRECTORATES })
  directorate!: string;

  @ApiProperty({ enum: ['suspect', 'migrant'] })
  role!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'RS' })
  nationality!: string | null;

  @ApiProperty({
    enum: ['arrested', 'police-detention', 'before-judge', 'remand', 'border-detention'],
  })
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

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page',
  })
  nextCursor!: string | null;
}
