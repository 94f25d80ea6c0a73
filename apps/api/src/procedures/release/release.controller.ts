import type { ReleaseFromProcedure } from '@app/domain';
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
import { ReleaseStepDto } from '../shared/steps.dto';

@ApiTags('procedures')
@Controller('procedures/:procedureId')
export class ReleaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post('release')
  @HttpCode(201)
  @Policy('procedure.write')
  @ApiProcedureCommand('releaseFromProcedure', 'Record the release of the person')
  releaseFromProcedure(
    @Param('procedureId', uuidParam('procedureId')) procedureId: string,
    @Body() body: ReleaseStepDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProcedureAcceptedResponseDto> {
    const occurredAt = new Date(body.occurredAt);
    return sendProcedureCommand(
      this.commands,
      new ProcedureCommandMessage(
        {
          type: 'ReleaseFromProcedure',
          procedureId,
          occurredAt,
          reason: body.reason,
        } satisfies ReleaseFromProcedure,
        context,
        body,
      ),
      res,
    );
  }
}
