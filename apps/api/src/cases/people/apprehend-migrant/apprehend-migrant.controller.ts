import type { ApprehendMigrant } from '@app/domain';
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
import { ApprehendMigrantRequestDto } from './apprehend-migrant.request.dto';

@ApiTags('people')
@Controller('cases/:caseId')
export class ApprehendMigrantController {
  constructor(private readonly commands: CommandBus) {}

  @Post('apprehensions')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand('apprehendMigrant', 'Record one apprehended migrant (again if caught again)')
  apprehendMigrant(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: ApprehendMigrantRequestDto,
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
            type: 'ApprehendMigrant',
            caseId,
            occurredAt: new Date(body.occurredAt),
            ...person,
            nationality: body.nationality,
            minor: body.minor,
            place: body.place,
          }) satisfies ApprehendMigrant,
        context,
        body,
      ),
      res,
    );
  }
}
