import { Module } from '@nestjs/common';
import { CaseHistoryController } from './case-history/case-history.controller';
import { CaseHistoryHandler } from './case-history/case-history.query';
import { CaseStateController } from './case-state/case-state.controller';
import { CaseStateHandler } from './case-state/case-state.query';
import { ConsultationLogController } from './consultation-log/consultation-log.controller';
import { IntegrityController } from './integrity/integrity.controller';
import { PersonHistoryController } from './person-history/person-history.controller';
import { PersonHistoryHandler } from './person-history/person-history.query';

/**
 * What auditors read, straight from the event store rather than from read models: the history
 * of a case or a person, a case as of a past moment, whether the stored history is intact,
 * and who consulted what. Every route here only reads.
 */
@Module({
  controllers: [
    CaseHistoryController,
    PersonHistoryController,
    CaseStateController,
    ConsultationLogController,
    IntegrityController,
  ],
  providers: [CaseHistoryHandler, PersonHistoryHandler, CaseStateHandler],
})
export class AuditModule {}
