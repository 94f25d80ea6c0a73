import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../auth/policy';
import { decodeCursor, encodeCursor, pageSize } from '../../http/cursor';
import { ApiProblemResponses } from '../../http/operation-docs';
import { ReadModelFreshness } from '../../read-side/freshness';
import { BreachCursor, CustodyBreachesQuery } from './custody-breaches.query';
import { CustodyBreachesRequestDto } from './custody-breaches.request.dto';
import { CustodyBreachDto, CustodyBreachesResponseDto } from './custody-breaches.response.dto';

/**
 * For lawfulness checks: every legal duty met late or never, kept after the person moved on,
 * across directorates. Supervisors and auditors only.
 */
@ApiTags('custody')
@Controller('custody-breaches')
export class CustodyBreachesController {
  constructor(
    private readonly queries: QueryBus,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get()
  @Policy('breach.read')
  @ApiOperation({
    operationId: 'getCustodyBreaches',
    summary: 'Legal duties met late or never (decisions, hearings, orders, limits), by deadline',
  })
  @ApiOkResponse({ type: CustodyBreachesResponseDto })
  @ApiProblemResponses(400, 503)
  async list(@Query() query: CustodyBreachesRequestDto): Promise<CustodyBreachesResponseDto> {
    await this.freshness.waitFor('custody-board', query);
    const limit = pageSize(query);
    const rows = await this.queries.execute(
      new CustodyBreachesQuery({
        directorate: query.directorate ?? null,
        from: query.from ? new Date(query.from) : null,
        to: query.to ? new Date(query.to) : null,
        after: query.cursor
          ? decodeCursor<BreachCursor>(query.cursor, (c) => typeof c.deadline === 'string')
          : null,
        limit,
      }),
    );
    const last = rows.at(-1);
    return {
      items: rows.map((row) => CustodyBreachDto.of(row)),
      nextCursor:
        last && rows.length === limit
          ? encodeCursor({
              deadline: last.deadline.toISOString(),
              caseId: last.caseId,
              personId: last.personId,
              kind: last.kind,
              startedAt: last.startedAt.toISOString(),
            } satisfies BreachCursor)
          : null,
    };
  }
}
