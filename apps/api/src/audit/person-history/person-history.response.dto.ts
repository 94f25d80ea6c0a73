import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HistoryEventDto } from '../shared/history-event.response.dto';

/** Every event that names a person, across every case, in the order the store recorded them. */
export class PersonHistoryResponseDto {
  @ApiProperty({ format: 'uuid' })
  personId!: string;

  @ApiProperty({ type: [HistoryEventDto], description: 'In position order, across cases' })
  items!: HistoryEventDto[];

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Pass as cursor for the next page',
  })
  nextCursor!: string | null;
}
