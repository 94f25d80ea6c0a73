import { Module } from '@nestjs/common';
import { CustodyBoardController } from './custody-board/custody-board.controller';
import { CustodyBoardHandler } from './custody-board/custody-board.query';

/** What prosecutors' liaison officers ask of custody: who is held, on which clock, until when. */
@Module({
  controllers: [CustodyBoardController],
  providers: [CustodyBoardHandler],
})
export class CustodyModule {}
