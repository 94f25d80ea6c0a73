import type { RecordLeftReception } from '@app/domain';
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
import { RecordLeftReceptionRequestDto } from './record-left-reception.request.dto';

@ApiTags('protection')
@Controller('cases/:caseId')
export class RecordLeftReceptionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/reception-departure')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'recordLeftReception',
    'Record that the person left reception before lodging the application',
  )
  recordLeftReception(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: RecordLeftReceptionRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'RecordLeftReception',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          facility: body.facility,
        } satisfies RecordLeftReception,
        context,
        body,
      ),
      res,
    );
  }
}
