import { Actor } from '@app/auth';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../auth/current-actor';
import { Consulted } from '../consultation-log/consulted';
import { Policy } from '../../auth/policy';
import { assertCaseVisible } from '../../cases/case-access';
import { uuidParam } from '../../cases/shared/request-parts.dto';
import { encodeCursor } from '../../http/cursor';
import { ApiProblemResponses } from '../../http/operation-docs';
import { historyFilter } from '../shared/history-filter';
import { HistoryEventDto } from '../shared/history-event.response.dto';
import { HistoryRequestDto } from '../shared/history.request.dto';
import { CaseHistoryQuery } from './case-history.query';
import { CaseHistoryResponseDto } from './case-history.response.dto';

@ApiTags('audit')
@Controller('audit/cases')
export class CaseHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':caseId/history')
  @Policy('audit.read')
  @Consulted<CaseHistoryResponseDto>('optional', (answer) => [{ kind: 'case', id: answer.caseId }])
  @ApiOperation({
    operationId: 'getCaseHistory',
    summary: 'Every event of a case as stored: who, when, why; filtered and paged',
  })
  @ApiOkResponse({ type: CaseHistoryResponseDto })
  @ApiProblemResponses(400, 404)
  async history(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @Query() query: HistoryRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseHistoryResponseDto> {
    const found = await this.queries.execute(new CaseHistoryQuery(caseId, historyFilter(query)));
    assertCaseVisible(actor, caseId, found);
    return {
      caseId,
      directorate: found.directorate,
      items: found.events.map((event) => HistoryEventDto.from(event)),
      nextCursor: found.next ? encodeCursor({ after: found.next }) : null,
    };
  }
}
