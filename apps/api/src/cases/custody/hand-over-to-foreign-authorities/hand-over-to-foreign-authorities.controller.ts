import type { HandOverToForeignAuthorities } from '@app/domain';
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
import { HandOverToForeignAuthoritiesRequestDto } from './hand-over-to-foreign-authorities.request.dto';

@ApiTags('custody')
@Controller('cases/:caseId')
export class HandOverToForeignAuthoritiesController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/handover')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'handOverToForeignAuthorities',
    'Record a handover to foreign authorities (readmission)',
  )
  handOverToForeignAuthorities(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: HandOverToForeignAuthoritiesRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'HandOverToForeignAuthorities',
          caseId,
          personId,
          occurredAt: new Date(body.occurredAt),
          country: body.country,
          authority: body.authority,
          legalBasis: body.legalBasis,
        } satisfies HandOverToForeignAuthorities,
        context,
        body,
      ),
      res,
    );
  }
}
