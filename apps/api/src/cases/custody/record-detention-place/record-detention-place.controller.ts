import type { RecordDetentionPlace } from '@app/domain';
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
import { RecordDetentionPlaceRequestDto } from './record-detention-place.request.dto';

@ApiTags('custody')
@Controller('cases/:caseId')
export class RecordDetentionPlaceController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/detention-place')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand('recordDetentionPlace', 'Record where a person held is held from a given time')
  recordDetentionPlace(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: RecordDetentionPlaceRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'RecordDetentionPlace',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          facility: body.facility,
        } satisfies RecordDetentionPlace,
        context,
        body,
      ),
      res,
    );
  }
}
