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
import { BoardCursor, CustodyBoardQuery, HeldPerson } from './custody-board.query';
import { InstantDto } from '../../http/instant.dto';
import {
  CustodyBoardResponseDto,
  CustodyClockDto,
  HeldPersonDto,
} from './custody-board.response.dto';

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
      ...(held.caseId ? [{ kind: 'case' as const, id: held.caseId }] : []),
      { kind: 'person' as const, id: held.personId },
    ]),
  )
  @ApiOperation({
    operationId: 'getCustodyBoard',
    summary:
      'Everyone held now, in criminal custody or border detention, under which clocks, nearest deadline first',
  })
  @ApiOkResponse({ type: CustodyBoardResponseDto })
  @ApiProblemResponses(400, 503)
  async board(
    @Query() query: CustodyBoardRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<CustodyBoardResponseDto> {
    const directorate = directorateScope(actor, query.directorate);
    await this.freshness.waitFor('custody-board', query);
    await this.freshness.waitFor('procedures', query);
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
      items: items.map((held) => toDto(held, now)),
      nextCursor:
        last && items.length === limit
          ? encodeCursor({
              nextDeadline: last.nextDeadline.toISOString(),
              streamId: last.kind === 'border-detention' ? last.procedureId : last.caseId,
              personId: last.personId,
            })
          : null,
    };
  }
}

function isBoardCursor(cursor: BoardCursor): boolean {
  return (
    isInstant(cursor.nextDeadline) &&
    UUID_PATTERN.test(cursor.streamId) &&
    UUID_PATTERN.test(cursor.personId)
  );
}

function clockDto(
  kind: string,
  startedAt: Date,
  deadline: Date,
  metAt: Date | null,
  now: Date,
): CustodyClockDto {
  return {
    kind,
    startedAt: InstantDto.of(startedAt),
    deadline: InstantDto.of(deadline),
    metAt: metAt ? InstantDto.of(metAt) : null,
    overdue: metAt === null && deadline < now,
  };
}

function toDto(held: HeldPerson, now: Date): HeldPersonDto {
  if (held.kind === 'border-detention') {
    return {
      detention: 'border-detention',
      caseId: held.caseId,
      procedureId: held.procedureId,
      personId: held.personId,
      directorate: held.directorate,
      role: 'migrant',
      nationality: held.nationality,
      phase: 'border-detention',
      heldSince: InstantDto.of(held.startedAt),
      nextDeadline: InstantDto.of(held.nextDeadline),
      clocks: [clockDto('border-detention', held.startedAt, held.nextDeadline, null, now)],
    };
  }
  const [first] = held.clocks;
  return {
    detention: 'criminal-custody',
    caseId: held.caseId,
    procedureId: null,
    personId: held.personId,
    directorate: first.directorate,
    role: first.role,
    nationality: first.nationality,
    phase: first.phase,
    heldSince: InstantDto.of(first.heldSince),
    nextDeadline: InstantDto.of(held.nextDeadline),
    clocks: held.clocks.map((c) => clockDto(c.kind, c.startedAt, c.deadline, c.metAt, now)),
  };
}
