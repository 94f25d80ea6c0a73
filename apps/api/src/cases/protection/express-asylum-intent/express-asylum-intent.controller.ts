import type { ExpressAsylumIntent } from '@app/domain';
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
import { ExpressAsylumIntentRequestDto } from './express-asylum-intent.request.dto';

@ApiTags('protection')
@Controller('cases/:caseId')
export class ExpressAsylumIntentController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/asylum-intents')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'expressAsylumIntent',
    'Record an expressed intent to apply for international protection (repeats are counted)',
  )
  expressAsylumIntent(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: ExpressAsylumIntentRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'ExpressAsylumIntent',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          expressedTo: body.expressedTo,
          authority: body.authority,
          statement: body.statement,
        } satisfies ExpressAsylumIntent,
        context,
        body,
      ),
      res,
    );
  }
}
