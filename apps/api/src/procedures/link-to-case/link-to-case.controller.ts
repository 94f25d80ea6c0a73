import type { LinkProcedureToCase } from '@app/domain';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Policy } from '../../auth/policy';
import { uuidParam } from '../../cases/shared/request-parts.dto';
import { CommandContext, CurrentCommandContext } from '../../http/request-context';
import { ProcedureAcceptedResponseDto } from '../procedure-accepted.response.dto';
import { sendProcedureCommand } from '../shared/send-procedure-command';
import { LinkProcedureMessage } from '../procedure-command.handler';
import { ApiProcedureCommand } from '../shared/api-procedure-command';
import { LinkToCaseRequestDto } from './link-to-case.request.dto';

@ApiTags('procedures')
@Controller('procedures/:procedureId')
export class LinkToCaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post('case-link')
  @HttpCode(201)
  // It writes the procedure, and reads the case: investigators and supervisors.
  @Policy('case.write')
  @ApiProcedureCommand(
    'linkProcedureToCase',
    'Link the procedure to the smuggling case the person is a migrant of, so that they count once',
  )
  linkProcedureToCase(
    @Param('procedureId', uuidParam('procedureId')) procedureId: string,
    @Body() body: LinkToCaseRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<ProcedureAcceptedResponseDto> {
    return sendProcedureCommand(
      this.commands,
      new LinkProcedureMessage(
        // The handler adds what the case says of the person (roleInCase), read as it appends.
        {
          type: 'LinkProcedureToCase',
          procedureId,
          caseId: body.caseId.toLowerCase(),
          occurredAt: new Date(body.occurredAt),
        } satisfies Omit<LinkProcedureToCase, 'roleInCase'>,
        context,
        body,
      ),
      res,
    );
  }
}
