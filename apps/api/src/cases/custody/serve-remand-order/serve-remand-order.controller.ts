import type { ServeRemandOrder } from '@app/domain';
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
import { ServeRemandOrderRequestDto } from './serve-remand-order.request.dto';

@ApiTags('custody')
@Controller('cases/:caseId')
export class ServeRemandOrderController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/remand-service')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'serveRemandOrder',
    'Record that the written remand order was served (due within 24 hours)',
  )
  serveRemandOrder(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: ServeRemandOrderRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'ServeRemandOrder',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
        } satisfies ServeRemandOrder,
        context,
        body,
      ),
      res,
    );
  }
}
