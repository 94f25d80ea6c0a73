import type { EstablishNationalityInProcedure } from '@app/domain';
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
import { EstablishNationalityRequestDto } from './establish-nationality.request.dto';

@ApiTags('procedures')
@Controller('procedures/:procedureId')
export class EstablishNationalityController {
  constructor(private readonly commands: CommandBus) {}

  @Post('nationality')
  @HttpCode(201)
  @Policy('procedure.write')
  @ApiProcedureCommand(
    'establishNationalityInProcedure',
    "Record the person's nationality as established (the one established last counts)",
  )
  establishNationalityInProcedure(
    @Param('procedureId', uuidParam('procedureId')) procedureId: string,
    @Body() body: EstablishNationalityRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProcedureAcceptedResponseDto> {
    const occurredAt = new Date(body.occurredAt);
    return sendProcedureCommand(
      this.commands,
      new ProcedureCommandMessage(
        {
          type: 'EstablishNationalityInProcedure',
          procedureId,
          occurredAt,
          nationality: body.nationality,
        } satisfies EstablishNationalityInProcedure,
        context,
        body,
      ),
      res,
    );
  }
}
