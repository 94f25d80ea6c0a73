import { DomainError } from '@app/domain';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../auth/policy';
import { ApiProblemResponses } from '../../http/operation-docs';
import { RequestValidationError } from '../../http/request-validation';
import { ReadModelFreshness } from '../../read-side/freshness';
import { GetJointOperationRequestDto } from './get-joint-operation.request.dto';
import { JointOperationQuery } from './get-joint-operation.query';
import { JointOperationResponseDto } from './get-joint-operation.response.dto';

/**
 * A joint operation's figures count people, never name them, and are national: every role that
 * reads procedures reads them whole, whatever its directorate, as /statistics does.
 */
@ApiTags('joint-operations')
@Controller('joint-operations')
export class GetJointOperationController {
  constructor(
    private readonly queries: QueryBus,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get()
  @Policy('procedure.read')
  @ApiOperation({
    operationId: 'getJointOperation',
    summary:
      "A joint operation: what the Slovenian police recorded, and the partner police's own reported figures, apart",
  })
  @ApiOkResponse({ type: JointOperationResponseDto })
  @ApiProblemResponses(400, 404, 503)
  async get(@Query() query: GetJointOperationRequestDto): Promise<JointOperationResponseDto> {
    const code = query.code.trim();
    if (code.length === 0) {
      throw new RequestValidationError([{ field: 'code', messages: ['code must not be blank'] }]);
    }
    // The migrants come from the procedures, the smugglers from the cases: both have the
    // caller's write; the partner's reports are read from the store and need no wait.
    await this.freshness.waitFor('procedures', query);
    await this.freshness.waitFor('cases', query);
    const figures = await this.queries.execute(new JointOperationQuery(code));
    const { recorded, partnerReports } = figures;
    if (recorded.cases === 0 && recorded.migrants === 0 && partnerReports.length === 0) {
      // The problem names no code: it came in the query, which a problem never echoes.
      throw new DomainError(
        'JOINT_OPERATION.NOT_FOUND',
        'No case, procedure or partner report names this operation.',
      );
    }
    return JointOperationResponseDto.of(code, figures);
  }
}
