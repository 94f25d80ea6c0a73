import type { OrderRemand } from '@app/domain';
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
import { OrderRemandRequestDto } from './order-remand.request.dto';

@ApiTags('custody')
@Controller('cases/:caseId')
export class OrderRemandController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/remand')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'orderRemand',
    "Record remand ordered on the prosecutor's proposal (ZKP Art. 201)",
  )
  orderRemand(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: OrderRemandRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'OrderRemand',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          court: body.court,
          grounds: body.grounds,
          prosecutorOffice: body.prosecutorOffice,
          proposalReference: body.proposalReference,
          months: body.months,
        } satisfies OrderRemand,
        context,
        body,
      ),
      res,
    );
  }
}
