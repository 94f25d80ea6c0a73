import { PersonalDataModule } from '@app/personal-data';
import { Module } from '@nestjs/common';
import { ApprehendForeignersController } from './apprehend-foreigners/apprehend-foreigners.controller';
import { EstablishNationalityController } from './establish-nationality/establish-nationality.controller';
import { GetProcedureController } from './get-procedure/get-procedure.controller';
import { GetProcedureHandler } from './get-procedure/get-procedure.query';
import { ListProceduresController } from './list-procedures/list-procedures.controller';
import { ListProceduresHandler } from './list-procedures/list-procedures.query';
import { ExpressIntentController } from './express-intent/express-intent.controller';
import { HandOverController } from './hand-over/hand-over.controller';
import { LinkToCaseController } from './link-to-case/link-to-case.controller';
import {
  ApprehendForeignersHandler,
  CaseRoles,
  LinkProcedureHandler,
  ProcedureCommandHandler,
} from './procedure-command.handler';
import { RecordLeftAsylumHomeController } from './record-left-asylum-home/record-left-asylum-home.controller';
import { ReferController } from './refer/refer.controller';
import { ReleaseController } from './release/release.controller';
import { StartBorderDetentionController } from './start-border-detention/start-border-detention.controller';

/** Every route on the police procedures with foreigners: one controller per use case. */
@Module({
  imports: [PersonalDataModule],
  controllers: [
    ApprehendForeignersController,
    StartBorderDetentionController,
    ExpressIntentController,
    ReferController,
    HandOverController,
    ReleaseController,
    RecordLeftAsylumHomeController,
    LinkToCaseController,
    EstablishNationalityController,
    ListProceduresController,
    // After the list: `/procedures/:procedureId` would otherwise take any literal path below it.
    GetProcedureController,
  ],
  providers: [
    ProcedureCommandHandler,
    LinkProcedureHandler,
    ApprehendForeignersHandler,
    CaseRoles,
    ListProceduresHandler,
    GetProcedureHandler,
  ],
})
export class ProceduresModule {}
