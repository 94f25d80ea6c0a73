import type { ArrestSuspect } from '@app/domain';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Policy } from '../../../auth/policy';
import { ApiCaseCommand } from '../../../http/operation-docs';
import { CommandContext, CurrentCommandContext } from '../../../http/request-context';
import { send } from '../../case-command';
import { PersonCaseCommandMessage } from '../../case-command.handler';
import { CommandAcceptedResponseDto } from '../../command-accepted.response.dto';
import { uuidParam, toAdmission } from '../../shared/request-parts.dto';
import { ArrestSuspectRequestDto } from './arrest-suspect.request.dto';

@ApiTags('people')
@Controller('cases/:caseId')
export class ArrestSuspectController {
  constructor(private readonly commands: CommandBus) {}

  @Post('arrests')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'arrestSuspect',
    'Record the arrest (deprivation of liberty) of a suspected smuggler',
  )
  arrestSuspect(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: ArrestSuspectRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new PersonCaseCommandMessage(
        caseId,
        [toAdmission(body.person)],
        ([person]) =>
          ({
            type: 'ArrestSuspect',
            caseId,
            occurredAt: new Date(body.occurredAt),
            ...person,
            nationality: body.nationality,
            slovenianCitizen: body.slovenianCitizen,
            place: body.place,
          }) satisfies ArrestSuspect,
        context,
        body,
      ),
      res,
    );
  }
}
