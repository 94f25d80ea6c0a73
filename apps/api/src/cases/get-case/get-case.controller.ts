import { Actor } from '@app/auth';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Consulted } from '../../audit/consultation-log/consulted';
import { CurrentActor } from '../../auth/current-actor';
import { Policy } from '../../auth/policy';
import { ApiProblemResponses } from '../../http/operation-docs';
import { ReadAfterDto, ReadModelFreshness } from '../../read-side/freshness';
import { assertCaseVisible } from '../case-access';
import { uuidParam } from '../shared/request-parts.dto';
import { CaseResponseDto } from './case.response.dto';
import { GetCaseQuery } from './get-case.query';

@ApiTags('cases')
@Controller('cases')
export class GetCaseController {
  constructor(
    private readonly queries: QueryBus,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get(':caseId')
  @Policy('case.read')
  @Consulted<CaseResponseDto>('optional', (answer) => [
    { kind: 'case', id: answer.caseId },
    ...answer.persons.map((p) => ({ kind: 'person' as const, id: p.personId })),
  ])
  @ApiOperation({
    operationId: 'getCase',
    summary: 'A case with its people, their custody and their asylum referrals',
  })
  @ApiOkResponse({ type: CaseResponseDto })
  @ApiProblemResponses(400, 404, 503)
  async get(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Query() query: ReadAfterDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseResponseDto> {
    await this.freshness.waitFor('cases', query);
    const found = await this.queries.execute(new GetCaseQuery(caseId));
    assertCaseVisible(actor, caseId, found?.row);
    return CaseResponseDto.of(found.row, found.persons);
  }
}
