import type { LodgeAppeal } from '@app/domain';
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
import { LodgeAppealRequestDto } from './lodge-appeal.request.dto';

@ApiTags('custody')
@Controller('cases/:caseId')
export class LodgeAppealController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/appeals')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'lodgeAppeal',
    'Record an appeal against the detention decision or the remand order (decided within 48 hours)',
  )
  lodgeAppeal(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: LodgeAppealRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'LodgeAppeal',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          against: body.against,
        } satisfies LodgeAppeal,
        context,
        body,
      ),
      res,
    );
  }
}
