import { DomainError } from '@app/domain';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../auth/policy';
import { Consulted } from '../consultation-log/consulted';
import { uuidParam } from '../../cases/shared/request-parts.dto';
import { encodeCursor } from '../../http/cursor';
import { ApiProblemResponses } from '../../http/operation-docs';
import { historyFilter } from '../shared/history-filter';
import { HistoryEventDto } from '../shared/history-event.response.dto';
import { HistoryRequestDto } from '../shared/history.request.dto';
import { PersonHistoryQuery } from './person-history.query';
import { PersonHistoryResponseDto } from './person-history.response.dto';

@ApiTags('audit')
@Controller('audit/people')
export class PersonHistoryController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':personId/history')
  @Policy('audit.read')
  // A person's record across cases is personal data: the auditor says why.
  @Consulted<PersonHistoryResponseDto>('required', (answer) => [
    { kind: 'person', id: answer.personId },
  ])
  @ApiOperation({
    operationId: 'getPersonHistory',
    summary:
      'Every event, in any case, whose data names the person (as personId, in a list, in a correction)',
  })
  @ApiOkResponse({ type: PersonHistoryResponseDto })
  @ApiProblemResponses(400, 404)
  async history(
    @Param('personId', uuidParam('personId')) personId: string,
    @Query() query: HistoryRequestDto,
  ): Promise<PersonHistoryResponseDto> {
    const found = await this.queries.execute(
      new PersonHistoryQuery(personId, historyFilter(query)),
    );
    if (!found) throw new DomainError('PERSON.NOT_FOUND', 'No such person.', { personId });
    return {
      personId,
      items: found.events.map((event) => HistoryEventDto.from(event)),
      nextCursor: found.next ? encodeCursor({ after: found.next }) : null,
    };
  }
}
