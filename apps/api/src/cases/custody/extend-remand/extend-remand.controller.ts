import type { ExtendRemand } from '@app/domain';
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
import { ExtendRemandRequestDto } from './extend-remand.request.dto';

@ApiTags('custody')
@Controller('cases/:caseId')
export class ExtendRemandController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/remand-extensions')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'extendRemand',
    'Record an extension of remand by the out-of-trial panel or the Supreme Court',
  )
  extendRemand(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: ExtendRemandRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'ExtendRemand',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          by: body.by,
          months: body.months,
          reference: body.reference,
        } satisfies ExtendRemand,
        context,
        body,
      ),
      res,
    );
  }
}
