import { DIRECTORATES } from '@app/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HistoryEventDto } from '../shared/history-event.response.dto';

/** Every event of a case, in the order the store recorded them. */
export class CaseHistoryResponseDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ enum: DIRECTORATES })
  directorate!: string;

  @ApiProperty({ type: [HistoryEventDto], description: 'In position (and version) order' })
  items!: HistoryEventDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page',
  })
  nextCursor!: string | null;
}
