import type { FileCriminalComplaint } from '@app/domain';
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
import { FileCriminalComplaintRequestDto } from './file-criminal-complaint.request.dto';

@ApiTags('cases')
@Controller('cases/:caseId')
export class FileCriminalComplaintController {
  constructor(private readonly commands: CommandBus) {}

  @Post('criminal-complaints')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand('fileCriminalComplaint', 'File a criminal complaint with the prosecutor')
  fileCriminalComplaint(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: FileCriminalComplaintRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'FileCriminalComplaint',
          caseId,
          occurredAt: new Date(body.occurredAt),
          prosecutorOffice: body.prosecutorOffice,
          reference: body.reference,
          suspectIds: body.suspectIds,
        } satisfies FileCriminalComplaint,
        context,
        body,
      ),
      res,
    );
  }
}
