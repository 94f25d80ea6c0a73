import type { ReferToAsylumCentre } from '@app/domain';
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
import { ReferToAsylumCentreRequestDto } from './refer-to-asylum-centre.request.dto';

@ApiTags('protection')
@Controller('cases/:caseId')
export class ReferToAsylumCentreController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/asylum-referral')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'referToAsylumCentre',
    'Refer the person to the Asylum Home in Ljubljana or its Logatec branch',
  )
  referToAsylumCentre(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: ReferToAsylumCentreRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'ReferToAsylumCentre',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          facility: body.facility,
        } satisfies ReferToAsylumCentre,
        context,
        body,
      ),
      res,
    );
  }
}
