import { CLOCK_KINDS } from '@app/domain';
import { CustodyBreachRow } from '@app/read-models';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class CustodyBreachDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty({ example: 'novo-mesto' })
  directorate!: string;

  @ApiProperty({ enum: CLOCK_KINDS })
  kind!: string;

  @ApiProperty({ format: 'date-time' })
  startedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When the duty was due' })
  deadline!: string;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When it was met, late; null when never',
  })
  metAt!: string | null;

  @ApiPropertyOptional({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the clock stopped unmet (the person moved on); null when met late',
  })
  endedAt!: string | null;

  @ApiProperty({ description: 'Minutes past the deadline when met or when the clock stopped' })
  minutesLate!: number;

  static of(row: CustodyBreachRow): CustodyBreachDto {
    const end = row.metAt ?? row.endedAt ?? row.deadline;
    return {
      caseId: row.caseId,
      personId: row.personId,
      directorate: row.directorate,
      kind: row.kind,
      startedAt: row.startedAt.toISOString(),
      deadline: row.deadline.toISOString(),
      metAt: row.metAt?.toISOString() ?? null,
      endedAt: row.endedAt?.toISOString() ?? null,
      minutesLate: Math.round((end.getTime() - row.deadline.getTime()) / 60_000),
    };
  }
}

export class CustodyBreachesResponseDto {
  @ApiProperty({ type: [CustodyBreachDto] })
  items!: CustodyBreachDto[];

  @ApiPropertyOptional({ type: String, nullable: true })
  nextCursor!: string | null;
}
