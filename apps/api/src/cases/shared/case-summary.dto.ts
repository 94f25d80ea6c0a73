import { DIRECTORATES } from '@app/domain';
import { CaseRow } from '@app/read-models';
import { ApiProperty } from '@nestjs/swagger';

class OffenceDto {
  @ApiProperty({ example: 308 })
  article!: number;

  @ApiProperty({ example: 3 })
  paragraph!: number;
}

/** A case as the caseload lists it. */
export class CaseSummaryDto {
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

  @ApiProperty({ type: [String], description: 'Codes of the joint operations it is linked to' })
  jointOperations!: string[];

  @ApiProperty({ description: 'Suspects arrested in the case' })
  suspects!: number;

  @ApiProperty({ description: 'Migrants apprehended in the case' })
  migrants!: number;

  @ApiProperty({ description: 'People held in the case now, on any legal clock' })
  inCustody!: number;

  @ApiProperty({ description: 'Version of the case stream this view reflects (for If-Match)' })
  version!: number;

  static from(row: CaseRow): CaseSummaryDto {
    return {
      caseId: row.caseId,
      directorate: row.directorate,
      borderSection: row.borderSection,
      offence: { article: row.offenceArticle, paragraph: row.offenceParagraph },
      status: row.status,
      summary: row.summary,
      openedAt: row.openedAt.toISOString(),
      jointOperations: row.jointOperations,
      suspects: row.suspects,
      migrants: row.migrants,
      inCustody: row.inCustody,
      version: row.version,
    };
  }
}
