import { Module } from '@nestjs/common';
import { CustodyBoardController } from './custody-board/custody-board.controller';
import { CustodyBreachesController } from './custody-breaches/custody-breaches.controller';
import { CustodyBreachesHandler } from './custody-breaches/custody-breaches.query';
import { CustodyBoardHandler } from './custody-board/custody-board.query';

/**
 * What prosecutors' liaison officers ask of custody: who is held, on which clock, until when;
 * and what supervisors and auditors ask: which duties were met late or never.
 */
@Module({
  controllers: [CustodyBoardController, CustodyBreachesController],
  providers: [CustodyBoardHandler, CustodyBreachesHandler],
})
export class CustodyModule {}
