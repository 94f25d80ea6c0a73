import type { RecordLeftAsylumHome } from '@app/domain';
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
import { RecordLeftAsylumHomeRequestDto } from './record-left-asylum-home.request.dto';

@ApiTags('procedures')
@Controller('procedures/:procedureId')
export class RecordLeftAsylumHomeController {
  constructor(private readonly commands: CommandBus) {}

  @Post('asylum-home-departure')
  @HttpCode(201)
  @Policy('procedure.write')
  @ApiProcedureCommand(
    'recordLeftAsylumHome',
    'Record that the person left the asylum home before lodging the application',
  )
  recordLeftAsylumHome(
    @Param('procedureId', uuidParam('procedureId')) procedureId: string,
    @Body() body: RecordLeftAsylumHomeRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProcedureAcceptedResponseDto> {
    const occurredAt = new Date(body.occurredAt);
    return sendProcedureCommand(
      this.commands,
      new ProcedureCommandMessage(
        {
          type: 'RecordLeftAsylumHome',
          procedureId,
          occurredAt,
          facility: body.facility,
        } satisfies RecordLeftAsylumHome,
        context,
        body,
      ),
      res,
    );
  }
}
