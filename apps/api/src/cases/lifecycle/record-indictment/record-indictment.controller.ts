import type { RecordIndictment } from '@app/domain';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Policy } from '../../../auth/policy';
import { ApiCaseCommand } from '../../../http/operation-docs';
import { CommandContext, CurrentCommandContext } from '../../../http/request-context';
import { send } from '../../case-command';
import { CaseCommandMessage } from '../../case-command.handler';
import { CommandAcceptedResponseDto } from '../../command-accepted.response.dto';
import { uuidParam } from '../../shared/request-parts.dto';
import { RecordIndictmentRequestDto } from './record-indictment.request.dto';

@ApiTags('cases')
@Controller('cases/:caseId')
export class RecordIndictmentController {
  constructor(private readonly commands: CommandBus) {}

  @Post('indictments')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand('recordIndictment', 'Record an indictment filed against suspects of the case')
  recordIndictment(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: RecordIndictmentRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'RecordIndictment',
          caseId,
          occurredAt: new Date(body.occurredAt),
          court: body.court,
          reference: body.reference,
          defendantIds: body.defendantIds,
        } satisfies RecordIndictment,
        context,
        body,
      ),
      res,
    );
  }
}
