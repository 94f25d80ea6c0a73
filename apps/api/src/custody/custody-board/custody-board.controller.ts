import { Actor, AccessDeniedError } from '@app/auth';
import { Clock } from '@app/platform';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../../auth/current-actor';
import { Policy } from '../../auth/policy';
import { ApiProblemResponses } from '../../http/openapi';
import { RequestValidationError } from '../../http/request-validation';
import { CustodyBoardRequestDto, durationMs } from './custody-board.request.dto';
import { BoardCursor, CustodyBoardQuery } from './custody-board.query';
import { CustodyBoardResponseDto, HeldPersonDto, InstantDto } from './custody-board.response.dto';

@ApiTags('custody')
@Controller('custody-board')
export class CustodyBoardController {
  constructor(
    private readonly queries: QueryBus,
    private readonly clock: Clock,
  ) {}

  @Get()
  @Policy('case.read')
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
    const now = this.clock.now();
    const limit = Number(query.limit ?? 50);
    const items = await this.queries.execute(
      new CustodyBoardQuery({
        now,
        directorate: scope(actor, query.directorate),
        expiringBy: query.expiringWithin
          ? new Date(now.getTime() + durationMs(query.expiringWithin))
          : null,
        overdue: query.overdue === undefined ? null : query.overdue === 'true',
        after: query.cursor ? decodeCursor(query.cursor) : null,
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

/** An investigator sees their own directorate's board; asking for another's is refused. */
function scope(actor: Actor, requested: string | undefined): string | null {
  if (actor.role !== 'investigator') return requested ?? null;
  if (requested && requested !== actor.directorate) {
    throw new AccessDeniedError(
      'AUTH.FORBIDDEN',
      `An investigator of ${actor.directorate} may not see the board of ${requested}.`,
    );
  }
  return actor.directorate;
}

function encodeCursor(cursor: BoardCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function decodeCursor(text: string): BoardCursor {
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as BoardCursor;
    if (
      !Number.isNaN(Date.parse(cursor.nextDeadline)) &&
      UUID.test(cursor.caseId) &&
      UUID.test(cursor.personId)
    ) {
      return cursor;
    }
  } catch {
    // Not ours: answered below like any other malformed cursor.
  }
  throw new RequestValidationError([
    { field: 'cursor', messages: ['cursor must be a nextCursor of this route'] },
  ]);
}
