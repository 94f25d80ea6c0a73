import type { ReferFromProcedure } from '@app/domain';
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
import { ReferralStepDto } from '../shared/steps.dto';

@ApiTags('procedures')
@Controller('procedures/:procedureId')
export class ReferController {
  constructor(private readonly commands: CommandBus) {}

  @Post('referral')
  @HttpCode(201)
  @Policy('procedure.write')
  @ApiProcedureCommand(
    'referFromProcedure',
    'Record the referral to the Asylum Home (Ljubljana, Logatec) or the Aliens Centre',
  )
  referFromProcedure(
    @Param('procedureId', uuidParam('procedureId')) procedureId: string,
    @Body() body: ReferralStepDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProcedureAcceptedResponseDto> {
    const occurredAt = new Date(body.occurredAt);
    return sendProcedureCommand(
      this.commands,
      new ProcedureCommandMessage(
        {
          type: 'ReferFromProcedure',
          procedureId,
          occurredAt,
          destination: body.destination,
        } satisfies ReferFromProcedure,
        context,
        body,
      ),
      res,
    );
  }
}
