import type { BringBeforeJudge } from '@app/domain';
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
import { BringBeforeJudgeRequestDto } from './bring-before-judge.request.dto';

@ApiTags('custody')
@Controller('cases/:caseId')
export class BringBeforeJudgeController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/judge-appearance')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'bringBeforeJudge',
    'Record that the suspect was brought before the investigating judge (48-hour clock)',
  )
  bringBeforeJudge(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: BringBeforeJudgeRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'BringBeforeJudge',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          court: body.court,
        } satisfies BringBeforeJudge,
        context,
        body,
      ),
      res,
    );
  }
}
