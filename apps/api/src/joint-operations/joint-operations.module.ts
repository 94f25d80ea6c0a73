import { Module } from '@nestjs/common';
import { GetJointOperationController } from './get-joint-operation/get-joint-operation.controller';
import { JointOperationHandler } from './get-joint-operation/get-joint-operation.query';
import { ReportPartnerFiguresHandler } from './joint-operation-command.handler';
import { ReportPartnerFiguresController } from './report-partner-figures/report-partner-figures.controller';

/** Joint operations with a neighbouring police: the partner's own figures beside ours. */
@Module({
  controllers: [ReportPartnerFiguresController, GetJointOperationController],
  providers: [ReportPartnerFiguresHandler, JointOperationHandler],
})
export class JointOperationsModule {}
