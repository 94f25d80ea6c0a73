import { Actor, directorateScope } from '@app/auth';
import { Clock } from '@app/platform';
import { Controller, Get, Query, Req } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Request } from 'express';
import { Consulted } from '../../audit/consultation-log/consulted';
import { CurrentActor } from '../../auth/current-actor';
import { Policy } from '../../auth/policy';
import { ApiProblemResponses } from '../../http/operation-docs';
import { UUID_PATTERN, decodeCursor, encodeCursor, pageSize } from '../../http/cursor';
import { isInstant } from '../../http/iso-instant';
import { InstantDto } from '../../http/instant.dto';
import { ReadModelFreshness } from '../../read-side/freshness';
import { PersonNames, namesAsked } from '../custody-desk/person-names';
import { recordsShown } from './records-shown';
import {
  CustodyBoardRequestDto,
  StaleCustodyRequestDto,
  durationMs,
} from './custody-board.request.dto';
import {
  BoardCursor,
  CustodyBoardQuery,
  StaleCustodyQuery,
  boardPosition,
} from './custody-board.query';
import {
  CustodyBoardResponseDto,
  HeldPersonDto,
  StaleCustodyResponseDto,
} from './custody-board.response.dto';
import { heldPeopleShown } from './held-person.mapper';

const onTheBoard = (answer: { items: HeldPersonDto[] }) => recordsShown(answer.items);

@ApiTags('custody')
@Controller('custody-board')
export class CustodyBoardController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
    private readonly freshness: ReadModelFreshness,
    private readonly names: PersonNames,
  ) {}

  @Get()
  @Policy('case.read')
  @Consulted<CustodyBoardResponseDto>('optional', onTheBoard)
  @ApiOperation({
    operationId: 'getCustodyBoard',
    summary:
      'Everyone held now, in criminal custody or border detention: the overdue first, then by time left, each clock with what must happen by when',
  })
  @ApiOkResponse({ type: CustodyBoardResponseDto })
  @ApiProblemResponses(400, 403, 503)
  async board(
    @Query() query: CustodyBoardRequestDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<CustodyBoardResponseDto> {
    const directorate = directorateScope(actor, query.directorate);
    const names = namesAsked(query, actor, req);
    await this.freshness.waitFor('custody-board', query);
    await this.freshness.waitFor('procedures', query);
    const now = this.clock.now();
    const limit = pageSize(query);
    const page = await this.queries.execute(
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
    const last = page.items.at(-1);
    return {
      asOf: InstantDto.of(now),
      items: await heldPeopleShown(page.items, now, names, this.names),
      staleCount: page.staleCount,
      nextCursor: last && page.items.length === limit ? encodeCursor(boardPosition(last)) : null,
    };
  }

  @Get('stale')
  @Policy('case.read')
  @Consulted<StaleCustodyResponseDto>('optional', onTheBoard)
  @ApiOperation({
    operationId: 'getStaleCustody',
    summary:
      'People on record as held with no running lawful ground for longer than the stale limit: a release or a step never recorded, to mend',
  })
  @ApiOkResponse({ type: StaleCustodyResponseDto })
  @ApiProblemResponses(400, 403, 503)
  async stale(
    @Query() query: StaleCustodyRequestDto,
    @CurrentActor() actor: Actor,
    @Req() req: Request,
  ): Promise<StaleCustodyResponseDto> {
    const directorate = directorateScope(actor, query.directorate);
    const names = namesAsked(query, actor, req);
    await this.freshness.waitFor('custody-board', query);
    await this.freshness.waitFor('procedures', query);
    const now = this.clock.now();
    const entries = await this.queries.execute(new StaleCustodyQuery(directorate, now));
    return {
      asOf: InstantDto.of(now),
      items: await heldPeopleShown(entries, now, names, this.names),
    };
  }
}

function isBoardCursor(cursor: BoardCursor): boolean {
  return (
    (cursor.group === 0 || cursor.group === 1) &&
    (cursor.at === null || isInstant(cursor.at)) &&
    typeof cursor.key === 'string' &&
    cursor.key.split(':').length === 2 &&
    cursor.key.split(':').every((id) => UUID_PATTERN.test(id))
  );
}
