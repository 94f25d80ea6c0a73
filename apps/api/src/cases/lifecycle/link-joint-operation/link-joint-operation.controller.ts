import type { LinkJointOperation } from '@app/domain';
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
import { LinkJointOperationRequestDto } from './link-joint-operation.request.dto';

@ApiTags('cases')
@Controller('cases/:caseId')
export class LinkJointOperationController {
  constructor(private readonly commands: CommandBus) {}

  @Post('joint-operations')
  @HttpCode(201)
  @Policy('case.write')
  @ApiCaseCommand(
    'linkJointOperation',
    'Link the case to a joint operation, e.g. mixed patrols with the Croatian police',
  )
  linkJointOperation(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Body() body: LinkJointOperationRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    return send(
      this.commands,
      new CaseCommandMessage(
        {
          type: 'LinkJointOperation',
          caseId,
          occurredAt: new Date(body.occurredAt),
          code: body.code,
          name: body.name,
          partnerCountry: body.partnerCountry,
          kind: body.kind,
          from: new Date(body.from),
          to: new Date(body.to),
        } satisfies LinkJointOperation,
        context,
        body,
      ),
      res,
    );
  }
}
