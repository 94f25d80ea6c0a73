import type { ReferToProsecution } from '@app/domain';
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
import { ReferToProsecutionRequestDto } from './refer-to-prosecution.request.dto';

@ApiTags('cases')
@Controller('cases/:caseId')
export class ReferToProsecutionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('prosecution-referral')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand('referToProsecution', 'Refer the case to the state prosecutor')
  referToProsecution(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: ReferToProsecutionRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'ReferToProsecution',
          caseId,
          occurredAt: new Date(body.occurredAt),
          prosecutorOffice: body.prosecutorOffice,
        } satisfies ReferToProsecution,
        context,
        body,
      ),
      res,
    );
  }
}
