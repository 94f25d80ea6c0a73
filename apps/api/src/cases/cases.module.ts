import { PersonalDataModule } from '@app/personal-data';
import { Module } from '@nestjs/common';
import { CaseCommandHandler, PersonCaseCommandHandler } from './case-command.handler';
import { CaseloadController } from './caseload/caseload.controller';
import { CaseloadHandler } from './caseload/caseload.query';
import { GetCaseHandler } from './get-case/get-case.query';
import { BringBeforeJudgeController } from './custody/bring-before-judge/bring-before-judge.controller';
import { ExtendRemandController } from './custody/extend-remand/extend-remand.controller';
import { HandOverToForeignAuthoritiesController } from './custody/hand-over-to-foreign-authorities/hand-over-to-foreign-authorities.controller';
import { IssueDetentionDecisionController } from './custody/issue-detention-decision/issue-detention-decision.controller';
import { OrderRemandController } from './custody/order-remand/order-remand.controller';
import { ReleaseFromCustodyController } from './custody/release-from-custody/release-from-custody.controller';
import { LodgeAppealController } from './custody/lodge-appeal/lodge-appeal.controller';
import { RecordDetentionPlaceController } from './custody/record-detention-place/record-detention-place.controller';
import { RecordSafeguardController } from './custody/record-safeguard/record-safeguard.controller';
import { DecideAppealController } from './custody/decide-appeal/decide-appeal.controller';
import { ServeRemandOrderController } from './custody/serve-remand-order/serve-remand-order.controller';
import { StartPoliceDetentionController } from './custody/start-police-detention/start-police-detention.controller';
import { GetCaseController } from './get-case/get-case.controller';
import { AmendCaseDetailsController } from './lifecycle/amend-case-details/amend-case-details.controller';
import { CloseCaseController } from './lifecycle/close-case/close-case.controller';
import { FileCriminalComplaintController } from './lifecycle/file-criminal-complaint/file-criminal-complaint.controller';
import { LinkJointOperationController } from './lifecycle/link-joint-operation/link-joint-operation.controller';
import { OpenCaseController } from './lifecycle/open-case/open-case.controller';
import { RecordCorrectionController } from './lifecycle/record-correction/record-correction.controller';
import { WithdrawEntryController } from './lifecycle/withdraw-entry/withdraw-entry.controller';
import { TimelineController } from './timeline/timeline.controller';
import { TimelineHandler } from './timeline/timeline.query';
import { RecordIndictmentController } from './lifecycle/record-indictment/record-indictment.controller';
import { ReferToProsecutionController } from './lifecycle/refer-to-prosecution/refer-to-prosecution.controller';
import { ApprehendMigrantGroupController } from './people/apprehend-migrant-group/apprehend-migrant-group.controller';
import { ApprehendMigrantController } from './people/apprehend-migrant/apprehend-migrant.controller';
import { ArrestSuspectController } from './people/arrest-suspect/arrest-suspect.controller';
import { EstablishIdentityController } from './people/establish-identity/establish-identity.controller';
import { ExpressAsylumIntentController } from './protection/express-asylum-intent/express-asylum-intent.controller';
import { RecordLeftReceptionController } from './protection/record-left-reception/record-left-reception.controller';
import { ReferToAsylumCentreController } from './protection/refer-to-asylum-centre/refer-to-asylum-centre.controller';

/** Every route on cases: one controller per use case, every command through the two handlers. */
@Module({
  imports: [PersonalDataModule],
  controllers: [
    BringBeforeJudgeController,
    ExtendRemandController,
    HandOverToForeignAuthoritiesController,
    IssueDetentionDecisionController,
    OrderRemandController,
    ReleaseFromCustodyController,
    LodgeAppealController,
    RecordSafeguardController,
    RecordDetentionPlaceController,
    DecideAppealController,
    ServeRemandOrderController,
    StartPoliceDetentionController,
    CaseloadController,
    GetCaseController,
    AmendCaseDetailsController,
    CloseCaseController,
    FileCriminalComplaintController,
    LinkJointOperationController,
    OpenCaseController,
    RecordCorrectionController,
    WithdrawEntryController,
    TimelineController,
    RecordIndictmentController,
    ReferToProsecutionController,
    ApprehendMigrantGroupController,
    ApprehendMigrantController,
    ArrestSuspectController,
    EstablishIdentityController,
    ExpressAsylumIntentController,
    RecordLeftReceptionController,
    ReferToAsylumCentreController,
  ],
  providers: [
    CaseCommandHandler,
    PersonCaseCommandHandler,
    CaseloadHandler,
    GetCaseHandler,
    TimelineHandler,
  ],
})
export class CasesModule {}
