import { Actor, directorateScope } from '@app/auth';
import { Clock } from '@app/platform';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Consulted } from '../../audit/consultation-log/consulted';
import { CurrentActor } from '../../auth/current-actor';
import { Policy } from '../../auth/policy';
import { ApiProblemResponses } from '../../http/openapi';
import { UUID_PATTERN, decodeCursor, encodeCursor, pageSize } from '../../http/cursor';
import { isInstant } from '../../http/iso-instant';
import { ReadModelFreshness } from '../../read-side/freshness';
import { CustodyBoardRequestDto, durationMs } from './custody-board.request.dto';
import { BoardCursor, CustodyBoardQuery } from './custody-board.query';
import { InstantDto } from '../../http/instant.dto';
import { CustodyBoardResponseDto, HeldPersonDto } from './custody-board.response.dto';

@ApiTags('custody')
@Controller('custody-board')
export class CustodyBoardController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get()
  @Policy('case.read')
  @Consulted<CustodyBoardResponseDto>('optional', (answer) =>
    answer.items.flatMap((held) => [
      { kind: 'case', id: held.caseId },
      { kind: 'person', id: held.personId },
    ]),
  )
  @ApiOperation({
    operationId: 'getCustodyBoard',
    summary: 'Everyone held now, under which clocks, nearest deadline first',
  })
  @ApiOkResponse({ type: CustodyBoardResponseDto })
  @ApiProblemResponses(400, 503)
  async board(
    @Query() query: CustodyBoardRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<CustodyBoardResponseDto> {
    const directorate = directorateScope(actor, query.directorate);
    await this.freshness.waitFor('custody-board', query);
    const now = this.clock.now();
    const limit = pageSize(query);
    const items = await this.queries.execute(
      new CustodyBoardQuery({
        now,
        directorate,
        expiringBy: query.expiringWithin
          ? new Date(now.getTime() + durationMs(query.expiringWithin))
          : null,
        overdue: query.overdue === undefined ? null : query.overdue === 'true',
        after: query.cursor ? decodeCursor(query.cursor, isBoardCursor) : null,
        limit,
      }),
    );
    const last = items.at(-1);
    return {
      asOf: InstantDto.of(now),
      items: items.map(({ caseId, personId, nextDeadline, clocks }): HeldPersonDto => {
        const [first] = clocks;
        return {
          caseId,
          personId,
          directorate: first.directorate,
          role: first.role,
          nationality: first.nationality,
          phase: first.phase,
          heldSince: InstantDto.of(first.heldSince),
          nextDeadline: InstantDto.of(nextDeadline),
          clocks: clocks.map((c) => ({
            kind: c.kind,
            startedAt: InstantDto.of(c.startedAt),
            deadline: InstantDto.of(c.deadline),
            metAt: c.metAt ? InstantDto.of(c.metAt) : null,
            overdue: c.metAt === null && c.deadline < now,
          })),
        };
      }),
      nextCursor:
        last && items.length === limit
          ? encodeCursor({
              nextDeadline: last.nextDeadline.toISOString(),
              caseId: last.caseId,
              personId: last.personId,
            })
          : null,
    };
  }
}

function isBoardCursor(cursor: BoardCursor): boolean {
  return (
    isInstant(cursor.nextDeadline) &&
    UUID_PATTERN.test(cursor.caseId) &&
    UUID_PATTERN.test(cursor.personId)
  );
}
