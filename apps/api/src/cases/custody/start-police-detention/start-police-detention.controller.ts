import type { StartPoliceDetention } from '@app/domain';
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
import { StartPoliceDetentionRequestDto } from './start-police-detention.request.dto';

@ApiTags('custody')
@Controller('cases/:caseId')
export class StartPoliceDetentionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/police-detention')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'startPoliceDetention',
    'Start police detention of an arrested suspect (48 hours from the arrest)',
  )
  startPoliceDetention(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: StartPoliceDetentionRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'StartPoliceDetention',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
        } satisfies StartPoliceDetention,
        context,
        body,
      ),
      res,
    );
  }
}
