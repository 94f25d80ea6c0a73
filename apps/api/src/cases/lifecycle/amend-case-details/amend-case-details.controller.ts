import type { AmendCaseDetails } from '@app/domain';
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
import { AmendCaseDetailsRequestDto } from './amend-case-details.request.dto';

@ApiTags('cases')
@Controller('cases/:caseId')
export class AmendCaseDetailsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('amendments')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'amendCaseDetails',
    'Amend the border section, offence paragraph or summary of a case',
  )
  amendCaseDetails(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: AmendCaseDetailsRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'AmendCaseDetails',
          caseId,
          occurredAt: new Date(body.occurredAt),
          borderSection: body.borderSection,
          offenceParagraph: body.offenceParagraph,
          summary: body.summary,
        } satisfies AmendCaseDetails,
        context,
        body,
      ),
      res,
    );
  }
}
