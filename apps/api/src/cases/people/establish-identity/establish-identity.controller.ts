import type { EstablishIdentity } from '@app/domain';
import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Policy } from '../../../auth/policy';
import { ApiCaseCommand } from '../../../http/operation-docs';
import { RequestValidationError } from '../../../http/request-validation';
import { CommandContext, CurrentCommandContext } from '../../../http/request-context';
import { send } from '../../case-command';
import { PersonCaseCommandMessage } from '../../case-command.handler';
import { CommandAcceptedResponseDto } from '../../command-accepted.response.dto';
import { uuidParam, toAdmission } from '../../shared/request-parts.dto';
import { EstablishIdentityRequestDto } from './establish-identity.request.dto';

@ApiTags('people')
@Controller('cases/:caseId')
export class EstablishIdentityController {
  constructor(private readonly commands: CommandBus) {}

  @Post('persons/:personId/identity')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'establishIdentity',
    "Record a person's established identity (sealed personal data)",
  )
  establishIdentity(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Param('personId', uuidParam('personId')) personId: string,
    @Body() body: EstablishIdentityRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    if (body.person?.personId && body.person.personId.toLowerCase() !== personId) {
      throw new RequestValidationError([
        {
          field: 'person.personId',
          messages: ['person.personId must be left out or equal the path'],
        },
      ]);
    }
    return send(
      this.commands,
      new PersonCaseCommandMessage(
        caseId,
        [toAdmission(body.person, personId)],
        ([person]) =>
          ({
            type: 'EstablishIdentity',
            caseId,
            personId,
            occurredAt: new Date(body.occurredAt),
            personalData: person.personalData,
            method: body.method,
            nationality: body.nationality,
          }) satisfies EstablishIdentity,
        context,
        body,
      ),
      res,
    );
  }
}
