import { Module } from '@nestjs/common';
import { CaseCommandHandler } from './case-command.handler';
import { GetCaseController } from './get-case/get-case.controller';
import { GetCaseHandler } from './get-case/get-case.query';
import { OpenCaseController } from './open-case/open-case.controller';

@Module({
  controllers: [OpenCaseController, GetCaseController],
  providers: [CaseCommandHandler, GetCaseHandler],
})
export class CasesModule {}
