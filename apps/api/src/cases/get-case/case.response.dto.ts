import { DIRECTORATES } from '@app/domain';
import { CaseRow } from '@app/read-models';
import { ApiProperty } from '@nestjs/swagger';

class OffenceDto {
  @ApiProperty({ example: 308 })
  article!: number;

  @ApiProperty({ example: 3 })
  paragraph!: number;
}

export class CaseResponseDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ enum: DIRECTORATES })
  directorate!: string;

  @ApiProperty()
  borderSection!: string;

  @ApiProperty({ type: OffenceDto })
  offence!: OffenceDto;

  @ApiProperty({ enum: ['open', 'closed'] })
  status!: string;

  @ApiProperty()
  summary!: string;

  @ApiProperty({ format: 'date-time' })
  openedAt!: string;

  @ApiProperty({ description: 'Version of the case stream this view reflects.' })
  version!: number;

  @ApiProperty({ description: 'Global position of the last event reflected.' })
  position!: string;

  static from(row: CaseRow): CaseResponseDto {
    return {
      caseId: row.caseId,
      directorate: row.directorate,
      borderSection: row.borderSection,
      offence: { article: row.offenceArticle, paragraph: row.offenceParagraph },
      status: row.status,
      summary: row.summary,
      openedAt: row.openedAt.toISOString(),
      version: row.version,
      position: row.lastPosition,
    };
  }
}
