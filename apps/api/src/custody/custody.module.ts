import { PersonalDataModule } from '@app/personal-data';
import { Module } from '@nestjs/common';
import { CustodyBoardController } from './custody-board/custody-board.controller';
import { CustodyBreachesController } from './custody-breaches/custody-breaches.controller';
import { CustodyBreachesHandler } from './custody-breaches/custody-breaches.query';
import { CustodyBoardHandler, StaleCustodyHandler } from './custody-board/custody-board.query';
import { CustodyDesk } from './custody-desk/custody-desk';
import { CustodyStreamController } from './custody-stream/custody-stream.controller';
import { DeskWatch } from './custody-stream/desk-watch';
import { ReminderLog } from './custody-stream/reminder-log';
import { PersonNames } from './custody-desk/person-names';

/**
 * What prosecutors' liaison officers ask of custody: who is held, on which clock, until when;
 * and what supervisors and auditors ask: which duties were met late or never.
 */
@Module({
  imports: [PersonalDataModule],
  controllers: [CustodyBoardController, CustodyStreamController, CustodyBreachesController],
  providers: [
    CustodyDesk,
    PersonNames,
    ReminderLog,
    DeskWatch,
    CustodyBoardHandler,
    StaleCustodyHandler,
    CustodyBreachesHandler,
  ],
})
export class CustodyModule {}
