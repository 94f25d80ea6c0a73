import type { HandOverFromProcedure } from '@app/domain';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Policy } from '../../auth/policy';
import { uuidParam } from '../../cases/shared/request-parts.dto';
import { CommandContext, CurrentCommandContext } from '../../http/request-context';
import { ProcedureAcceptedResponseDto } from '../procedure-accepted.response.dto';
import { sendProcedureCommand } from '../shared/send-procedure-command';
import { ProcedureCommandMessage } from '../procedure-command.handler';
import { ApiProcedureCommand } from '../shared/api-procedure-command';
import { HandoverStepDto } from '../shared/steps.dto';

@ApiTags('procedures')
@Controller('procedures/:procedureId')
export class HandOverController {
  constructor(private readonly commands: CommandBus) {}

  @Post('handover')
  @HttpCode(201)
  @Policy('procedure.write')
  @ApiProcedureCommand(
    'handOverFromProcedure',
    "Record the handover to a neighbouring country's police under the readmission agreement (refused while an intent stands)",
  )
  handOverFromProcedure(
    @Param('procedureId', uuidParam('procedureId')) procedureId: string,
    @Body() body: HandoverStepDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProcedureAcceptedResponseDto> {
    const occurredAt = new Date(body.occurredAt);
    return sendProcedureCommand(
      this.commands,
      new ProcedureCommandMessage(
        {
          type: 'HandOverFromProcedure',
          procedureId,
          occurredAt,
          country: body.country,
          authority: body.authority,
        } satisfies HandOverFromProcedure,
        context,
        body,
      ),
      res,
    );
  }
}
