import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { randomUUID } from 'node:crypto';
import { ApiIdempotencyKey, ApiProblemResponses } from '../../http/openapi';
import { CommandContext, CurrentCommandContext } from '../../http/request-context';
import { CaseCommandMessage } from '../case-command';
import { CommandAcceptedResponseDto } from '../command-accepted.response.dto';
import { OpenCaseRequestDto } from './open-case.request.dto';

@ApiTags('cases')
@Controller('cases')
export class OpenCaseController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    operationId: 'openCase',
    summary: 'Open a people-smuggling case (KZ-1 Art. 308)',
  })
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: CommandAcceptedResponseDto })
  @ApiProblemResponses(400, 413, 415, 422, 503)
  async open(
    @Body() body: OpenCaseRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CommandAcceptedResponseDto> {
    const result = await this.commands.execute(
      new CaseCommandMessage(
        {
          type: 'OpenCase',
          caseId: randomUUID(),
          directorate: body.directorate,
          borderSection: body.borderSection,
          offenceParagraph: body.offenceParagraph,
          openedAt: new Date(body.openedAt),
          summary: body.summary,
        },
        context.metadata,
        context.idempotency(body),
      ),
    );
    // On an idempotent replay the result names the case created by the first request.
    res.location(`/cases/${result.streamId}`).setHeader('ETag', `"${result.version}"`);
    return { caseId: result.streamId, version: result.version, position: result.position };
  }
}
