import type { StartBorderDetention } from '@app/domain';
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
import { OccurredAtDto } from '../../cases/shared/request-parts.dto';

@ApiTags('procedures')
@Controller('procedures/:procedureId')
export class StartBorderDetentionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('border-detention')
  @HttpCode(201)
  @Policy('procedure.write')
  @ApiProcedureCommand(
    'startBorderDetention',
    'Record the start of detention under the State Border Control Act (48-hour clock)',
  )
  startBorderDetention(
    @Param('procedureId', uuidParam('procedureId')) procedureId: string,
    @Body() body: OccurredAtDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProcedureAcceptedResponseDto> {
    const occurredAt = new Date(body.occurredAt);
    return sendProcedureCommand(
      this.commands,
      new ProcedureCommandMessage(
        { type: 'StartBorderDetention', procedureId, occurredAt } satisfies StartBorderDetention,
        context,
        body,
      ),
      res,
    );
  }
}
