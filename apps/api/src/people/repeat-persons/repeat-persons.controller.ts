import { Actor, directorateScope } from '@app/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Consulted } from '../../audit/consultation-log/consulted';
import { CurrentActor } from '../../auth/current-actor';
import { Policy } from '../../auth/policy';
import { pageSize } from '../../http/cursor';
import { ApiProblemResponses } from '../../http/operation-docs';
import { ReadModelFreshness } from '../../read-side/freshness';
import { RepeatPersonsQuery } from './repeat-persons.query';
import { RepeatPersonsRequestDto } from './repeat-persons.request.dto';
import { RepeatPersonsResponseDto } from './repeat-persons.response.dto';

const SORT_COLUMNS = {
  '-apprehensions': 'apprehensions',
  '-asylumIntents': 'asylum_intents',
  '-lastSeenAt': 'last_seen_at',
} as const;

@ApiTags('people')
@Controller('people')
export class RepeatPersonsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly freshness: ReadModelFreshness,
  ) {}

  /**
   * An investigator sees the people seen in their directorate's cases, with counts over the
   * whole country: a repeat apprehension elsewhere is what they need to know.
   */
  @Get()
  @Policy('case.read')
  @Consulted<RepeatPersonsResponseDto>('optional', (answer) =>
    answer.items.map((p) => ({ kind: 'person', id: p.personId })),
  )
  @ApiOperation({
    operationId: 'listPeople',
    summary:
      'People with their apprehensions and asylum intents over all cases and police procedures (repeats first)',
  })
  @ApiOkResponse({ type: RepeatPersonsResponseDto })
  @ApiProblemResponses(400, 503)
  async list(
    @Query() query: RepeatPersonsRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<RepeatPersonsResponseDto> {
    const directorate = directorateScope(actor, query.directorate);
    await this.freshness.waitFor('people', query);
    await this.freshness.waitFor('procedures', query);
    const page = Number(query.page ?? 1);
    const limit = pageSize(query);
    const { total, items } = await this.queries.execute(
      new RepeatPersonsQuery({
        minApprehensions: Number(query.minApprehensions ?? 0),
        minAsylumIntents: Number(query.minAsylumIntents ?? 0),
        nationality: query.nationality ?? null,
        directorate,
        sort: SORT_COLUMNS[query.sort ?? '-apprehensions'],
        offset: (page - 1) * limit,
        limit,
      }),
    );
    return { total, page, limit, items };
  }
}
