import type { ApprehendMigrantGroup } from '@app/domain';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { Policy } from '../../../auth/policy';
import { ApiCaseCommand } from '../../../http/operation-docs';
import { CommandContext, CurrentCommandContext } from '../../../http/request-context';
import { send } from '../../case-command';
import { PersonCaseCommandMessage } from '../../case-command.handler';
import { CommandAcceptedResponseDto } from '../../command-accepted.response.dto';
import { uuidParam, toAdmission } from '../../shared/request-parts.dto';
import { ApprehendMigrantGroupRequestDto } from './apprehend-migrant-group.request.dto';

@ApiTags('people')
@Controller('cases/:caseId')
export class ApprehendMigrantGroupController {
  constructor(private readonly commands: CommandBus) {}

  @Post('apprehension-groups')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'apprehendMigrantGroup',
    'Record a group of migrants apprehended together, with their nationalities',
  )
  apprehendMigrantGroup(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: ApprehendMigrantGroupRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    const groupId = randomUUID();
    return send(
      this.commands,
      new PersonCaseCommandMessage(
        caseId,
        body.migrants.map((m) => toAdmission(m.person)),
        (persons) =>
          ({
            type: 'ApprehendMigrantGroup',
            caseId,
            groupId,
            occurredAt: new Date(body.occurredAt),
            place: body.place,
            migrants: persons.map((person, i) => ({
              ...person,
              nationality: body.migrants[i].nationality,
              minor: body.migrants[i].minor,
            })),
          }) satisfies ApprehendMigrantGroup,
        context,
        body,
      ),
      res,
    );
  }
}
