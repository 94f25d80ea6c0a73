import type { OpenCase } from '@app/domain';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Policy } from '../../../auth/policy';
import { ApiCaseCommand } from '../../../http/operation-docs';
import { CommandContext, CurrentCommandContext } from '../../../http/request-context';
import { send } from '../../case-command';
import { CaseCommandMessage } from '../../case-command.handler';
import { CommandAcceptedResponseDto } from '../../command-accepted.response.dto';
import { OpenCaseRequestDto } from './open-case.request.dto';

@ApiTags('cases')
@Controller('cases')
export class OpenCaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand('openCase', 'Open a people-smuggling case (KZ-1 Art. 308)', true)
  async open(
    @Body() body: OpenCaseRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    const answer = await send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'OpenCase',
          caseId: randomUUID(),
          directorate: body.directorate,
          borderSection: body.borderSection,
          offenceParagraph: body.offenceParagraph,
          openedAt: new Date(body.openedAt),
          summary: body.summary,
        } satisfies OpenCase,
        context,
        body,
      ),
      res,
    );
    // On an idempotent replay the answer names the case created by the first request.
    res.location(`/cases/${answer.caseId}`);
    return answer;
  }
}
