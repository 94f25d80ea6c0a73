import type { ReleaseFromCustody } from '@app/domain';
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
import { ReleaseFromCustodyRequestDto } from './release-from-custody.request.dto';

@ApiTags('custody')
@Controller('cases/:caseId')
export class ReleaseFromCustodyController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/release')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand('releaseFromCustody', 'Record the release of a held suspect, with the reason')
  releaseFromCustody(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: ReleaseFromCustodyRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'ReleaseFromCustody',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          reason: body.reason,
          note: body.note,
        } satisfies ReleaseFromCustody,
        context,
        body,
      ),
      res,
    );
  }
}
