import type { WithdrawEntry } from '@app/domain';
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
import { WithdrawEntryRequestDto } from './withdraw-entry.request.dto';

@ApiTags('cases')
@Controller('cases/:caseId')
export class WithdrawEntryController {
  constructor(private readonly commands: CommandBus) {}

  @Post('withdrawals')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'withdrawEntry',
    'Withdraw an entry made in error, with the reason (it stays in the history); allowed on closed cases',
  )
  withdrawEntry(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: WithdrawEntryRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'WithdrawEntry',
          caseId,
          withdrawnEventId: body.withdrawnEventId,
          reason: body.reason,
        } satisfies WithdrawEntry,
        context,
        body,
      ),
      res,
    );
  }
}
