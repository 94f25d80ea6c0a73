import { Actor } from '@app/auth';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../auth/current-actor';
import { Policy } from '../../auth/policy';
import { ApiProblemResponses } from '../../http/openapi';
import { assertCaseVisible } from '../case-access';
import { uuidParam } from '../shared/request-parts.dto';
import { CaseResponseDto } from './case.response.dto';
import { GetCaseQuery } from './get-case.query';

@ApiTags('cases')
@Controller('cases')
export class GetCaseController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':caseId')
  @Policy('case.read')
  @ApiOperation({ operationId: 'getCase', summary: 'A case as projected from its events' })
  @ApiOkResponse({ type: CaseResponseDto })
  @ApiProblemResponses(400, 404, 503)
  async get(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentActor() actor: Actor,
  ): Promise<CaseResponseDto> {
    const row = await this.queries.execute(new GetCaseQuery(caseId));
    assertCaseVisible(actor, caseId, row);
    return CaseResponseDto.from(row);
  }
}
