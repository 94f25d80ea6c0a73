import { Actor } from '@app/auth';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Consulted } from '../../audit/consultation-log/consulted';
import { CurrentActor } from '../../auth/current-actor';
import { Policy } from '../../auth/policy';
import { ApiProblemResponses } from '../../http/operation-docs';
import { assertCaseVisible } from '../case-access';
import { uuidParam } from '../shared/request-parts.dto';
import { TimelineQuery } from './timeline.query';
import { TimelineResponseDto } from './timeline.response.dto';

/**
 * The case's entries for the people who make them: every fact with its event id, when it
 * happened and when it was recorded, by whom, corrected or withdrawn. Read from the store, so an
 * entry just made is here at once, ready to be corrected or withdrawn.
 */
@ApiTags('cases')
@Controller('cases')
export class TimelineController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':caseId/timeline')
  @Policy('case.write')
  @Consulted<TimelineResponseDto>('optional', (answer) => [{ kind: 'case', id: answer.caseId }])
  @ApiOperation({
    operationId: 'getCaseTimeline',
    summary:
      'Every entry of a case in the order things happened, with the ids to correct or withdraw',
  })
  @ApiOkResponse({ type: TimelineResponseDto })
  @ApiProblemResponses(400, 404, 503)
  async timeline(
    @Param('caseId', uuidParam('caseId')) caseId: string,
    @CurrentActor() actor: Actor,
  ): Promise<TimelineResponseDto> {
    const found = await this.queries.execute(new TimelineQuery(caseId));
    assertCaseVisible(actor, caseId, found);
    return TimelineResponseDto.of(caseId, found.directorate, found.entries);
  }
}
