import type { IssueDetentionDecision } from '@app/domain';
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
import { IssueDetentionDecisionRequestDto } from './issue-detention-decision.request.dto';

@ApiTags('custody')
@Controller('cases/:caseId')
export class IssueDetentionDecisionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/detention-decision')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'issueDetentionDecision',
    'Record the written detention decision (due 6 hours after the arrest)',
  )
  issueDetentionDecision(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: IssueDetentionDecisionRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'IssueDetentionDecision',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          reference: body.reference,
        } satisfies IssueDetentionDecision,
        context,
        body,
      ),
      res,
    );
  }
}
