import type { DecideAppeal } from '@app/domain';
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
import { DecideAppealRequestDto } from './decide-appeal.request.dto';

@ApiTags('custody')
@Controller('cases/:caseId')
export class DecideAppealController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/appeal-decisions')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand('decideAppeal', 'Record the decision on a pending appeal')
  decideAppeal(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: DecideAppealRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'DecideAppeal',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          against: body.against,
          outcome: body.outcome,
          court: body.court,
        } satisfies DecideAppeal,
        context,
        body,
      ),
      res,
    );
  }
}
