import { ApiPropertyOptional, PickType } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';
import { CustodyBoardRequestDto } from '../custody-board/custody-board.request.dto';

/** The board's filters, and where to resume for a client that cannot send Last-Event-ID. */
export class CustodyStreamRequestDto extends PickType(CustodyBoardRequestDto, [
  'expiringWithin',
  'overdue',
  'directorate',
  'names',
] as const) {
  @ApiPropertyOptional({
    description: 'The id of the last message received, where Last-Event-ID cannot be sent',
    example: '42',
  })
  @IsOptional()
  @Matches(/^(0|[1-9]\d{0,17})$/, { message: 'lastEventId must be an id the stream sent' })
  lastEventId?: string;
}
