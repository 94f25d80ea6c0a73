import type { ReportPartnerFigures } from '@app/domain';
import { Body, Controller, HttpCode, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Policy } from '../../auth/policy';
import { ApiIdempotencyKey, ApiProblemResponses } from '../../http/operation-docs';
import { CommandContext, CurrentCommandContext } from '../../http/request-context';
import { ReportPartnerFiguresMessage } from '../joint-operation-command.handler';
import { ReportPartnerFiguresRequestDto } from './report-partner-figures.request.dto';
import { PartnerFiguresAcceptedResponseDto } from './report-partner-figures.response.dto';

@ApiTags('joint-operations')
@Controller('joint-operations')
export class ReportPartnerFiguresController {
  constructor(private readonly commands: CommandBus) {}

  @Post('partner-reports')
  @HttpCode(201)
  @Policy('procedure.write')
  @ApiOperation({
    operationId: 'reportPartnerFigures',
    summary:
      "Record the partner police's own figures for one area of a joint operation, as they reported them",
  })
  @ApiIdempotencyKey()
  @ApiHeader({
    name: 'If-Match',
    required: false,
    description:
      "The operation stream's version the report was decided on (the ETag of the last answer). A stale version gets 409.",
  })
  @ApiCreatedResponse({
    type: PartnerFiguresAcceptedResponseDto,
    headers: {
      ETag: {
        description: "The new version of the operation's stream",
        schema: { type: 'string' },
      },
    },
  })
  @ApiProblemResponses(400, 409, 413, 415, 422, 503)
  async reportPartnerFigures(
    @Body() body: ReportPartnerFiguresRequestDto,
    @CurrentCommandContext() context: CommandContext,
    @Res({ passthrough: true }) res: Response,
  ): Promise<PartnerFiguresAcceptedResponseDto> {
    const result = await this.commands.execute(
      new ReportPartnerFiguresMessage(
        {
          type: 'ReportPartnerFigures',
          occurredAt: new Date(body.occurredAt),
          code: body.code,
          partnerCountry: body.partnerCountry,
          authority: body.authority,
          area: body.area,
          migrants: body.migrants,
          smugglers: body.smugglers,
          source: body.source,
        } satisfies ReportPartnerFigures,
        context,
        body,
      ),
    );
    res.setHeader('ETag', `"${result.version}"`);
    return { code: body.code.trim(), version: result.version, position: result.position };
  }
}
