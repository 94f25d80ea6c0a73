import { CLOCK_KINDS, DIRECTORATES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { InstantDto } from '../../http/instant.dto';

export class CustodyClockDto {
  @ApiProperty({ enum: CLOCK_KINDS })
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

  @ApiPropertyOptional({ type: String, nullable: true, example: 'RS' })
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

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page',
  })
  nextCursor!: string | null;
}
