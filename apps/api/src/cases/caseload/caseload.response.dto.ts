import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CaseSummaryDto } from '../shared/case-summary.dto';

export class CaseloadTotalsDto {
  @ApiProperty()
  cases!: number;

  @ApiProperty()
  suspects!: number;

  @ApiProperty()
  migrants!: number;

  @ApiProperty({ description: 'People held now' })
  inCustody!: number;
}

export class CaseloadResponseDto {
  @ApiProperty({ type: CaseloadTotalsDto, description: 'Over every case the filters select' })
  totals!: CaseloadTotalsDto;

  @ApiProperty({ type: [CaseSummaryDto] })
  items!: CaseSummaryDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page',
  })
  nextCursor!: string | null;
}
