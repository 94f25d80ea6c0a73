import type { RecordSafeguard } from '@app/domain';
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
import { RecordSafeguardRequestDto } from './record-safeguard.request.dto';

@ApiTags('custody')
@Controller('cases/:caseId')
export class RecordSafeguardController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/safeguards')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'recordSafeguard',
    'Record a safeguard of a person held: asked for, given (by whom), or delayed (why, authorised by whom)',
  )
  recordSafeguard(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: RecordSafeguardRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'RecordSafeguard',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          safeguard: body.safeguard,
          step: body.step,
          by: body.step === 'provided' ? (body.by ?? context.actor.id) : null,
          detail: body.detail,
          reason: body.reason,
          authorisedBy: body.authorisedBy,
        } satisfies RecordSafeguard,
        context,
        body,
      ),
      res,
    );
  }
}
