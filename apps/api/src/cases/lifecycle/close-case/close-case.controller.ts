import type { CloseCase } from '@app/domain';
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
import { CloseCaseRequestDto } from './close-case.request.dto';

@ApiTags('cases')
@Controller('cases/:caseId')
export class CloseCaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post('closure')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand('closeCase', 'Close the case; afterwards it takes only corrections')
  closeCase(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: CloseCaseRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'CloseCase',
          caseId,
          occurredAt: new Date(body.occurredAt),
          reason: body.reason,
          note: body.note,
        } satisfies CloseCase,
        context,
        body,
      ),
      res,
    );
  }
}
