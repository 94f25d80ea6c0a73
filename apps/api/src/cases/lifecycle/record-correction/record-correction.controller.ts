import type { RecordCorrection } from '@app/domain';
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
import { RecordCorrectionRequestDto } from './record-correction.request.dto';

@ApiTags('cases')
@Controller('cases/:caseId')
export class RecordCorrectionController {
  constructor(private readonly commands: CommandBus) {}

  @Post('corrections')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'recordCorrection',
    'Record a correction of an earlier event (events are never edited); allowed on closed cases',
  )
  recordCorrection(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: RecordCorrectionRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'RecordCorrection',
          caseId,
          correctedEventId: body.correctedEventId,
          reason: body.reason,
          correctedOccurredAt: body.occurredAt ? new Date(body.occurredAt) : null,
          changes: body.changes ?? {},
        } satisfies RecordCorrection,
        context,
        body,
      ),
      res,
    );
  }
}
