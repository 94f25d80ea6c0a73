import { Actor } from '@app/auth';
import { DomainError } from '@app/domain';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../auth/current-actor';
import { Consulted } from '../consultation-log/consulted';
import { Policy } from '../../auth/policy';
import { assertCaseVisible } from '../../cases/case-access';
import { uuidParam } from '../../cases/shared/request-parts.dto';
import { ApiProblemResponses } from '../../http/operation-docs';
import { RequestValidationError } from '../../http/request-validation';
import { CaseStateQuery } from './case-state.query';
import { CaseStateRequestDto } from './case-state.request.dto';
import { CaseStateResponseDto } from './case-state.response.dto';

@ApiTags('audit')
@Controller('audit/cases')
export class CaseStateController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':caseId/state')
  @Policy('audit.read')
  @Consulted<CaseStateResponseDto>('optional', (answer) => [
    { kind: 'case', id: answer.caseId },
    ...answer.persons.map((p) => ({ kind: 'person' as const, id: p.personId })),
  ])
  @ApiOperation({
    operationId: 'getCaseStateAsOf',
    summary:
      'A case as of a past instant (recordedAt) or version, rebuilt from its events; writes nothing',
  })
  @ApiOkResponse({ type: CaseStateResponseDto })
  @ApiProblemResponses(400, 404)
  async state(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Query() query: CaseStateRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseStateResponseDto> {
    if (query.asOf !== undefined && query.version !== undefined) {
      throw new RequestValidationError([
        { field: 'version', messages: ['give asOf or version, not both'] },
      ]);
    }
    const version = query.version === undefined ? null : Number(query.version);
    const found = await this.queries.execute(
      new CaseStateQuery(caseId, { asOf: query.asOf ?? null, version }),
    );
    assertCaseVisible(actor, caseId, found);
    const { state, last, currentVersion } = found;
    if (version !== null && version > currentVersion) {
      throw new DomainError('CASE.NOT_FOUND', 'The case has no such version.', {
        caseId,
        version,
        currentVersion,
      });
    }
    if (state.status === 'none' || !last) {
      throw new DomainError('CASE.NOT_FOUND', 'The case had no event recorded by then.', {
        caseId,
        asOf: query.asOf,
      });
    }
    const asOf = query.asOf ? new Date(query.asOf) : new Date(last.recordedAt);
    return CaseStateResponseDto.of(state, last, asOf);
  }
}
