import { Actor, directorateScope } from '@app/auth';
import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Consulted } from '../../audit/consultation-log/consulted';
import { CurrentActor } from '../../auth/current-actor';
import { Policy } from '../../auth/policy';
import { UUID_PATTERN, decodeCursor, encodeCursor, pageSize } from '../../http/cursor';
import { isInstant } from '../../http/iso-instant';
import { ApiProblemResponses } from '../../http/operation-docs';
import { ReadModelFreshness } from '../../read-side/freshness';
import { CaseSummaryDto } from '../shared/case-summary.dto';
import { CaseloadQuery, CaseloadSortKey } from './caseload.query';
import { CaseloadRequestDto } from './caseload.request.dto';
import { CaseloadResponseDto } from './caseload.response.dto';

interface CaseloadCursor {
  readonly sort: string;
  readonly value: string | number;
  readonly caseId: string;
}

@ApiTags('cases')
@Controller('cases')
export class CaseloadController {
  constructor(
    private readonly queries: QueryBus,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get()
  @Policy('case.read')
  // The caseload counts who is held in each case: custody status, so it is logged.
  @Consulted<CaseloadResponseDto>('optional', (answer) =>
    answer.items.map((c) => ({ kind: 'case', id: c.caseId })),
  )
  @ApiOperation({
    operationId: 'listCases',
    summary: 'The caseload: cases by directorate, border section, status, joint operation, period',
  })
  @ApiOkResponse({ type: CaseloadResponseDto })
  @ApiProblemResponses(400, 503)
  async list(
    @Query() query: CaseloadRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<CaseloadResponseDto> {
    const directorate = directorateScope(actor, query.directorate);
    await this.freshness.waitFor('cases', query);
    const sort = query.sort ?? '-openedAt';
    const key = sort.replace('-', '') as CaseloadSortKey;
    const limit = pageSize(query);
    const { totals, rows } = await this.queries.execute(
      new CaseloadQuery({
        directorate,
        borderSection: query.borderSection ?? null,
        status: query.status ?? null,
        jointOperation: query.jointOperation ?? null,
        openedFrom: query.openedFrom ?? null,
        openedTo: query.openedTo ?? null,
        sort: { key, descending: sort.startsWith('-') },
        after: query.cursor
          ? decodeCursor<CaseloadCursor>(query.cursor, (c) => isCursorOf(sort, key, c))
          : null,
        limit,
      }),
    );
    const last = rows.at(-1);
    return {
      totals,
      items: rows.map((row) => CaseSummaryDto.from(row)),
      nextCursor:
        last && rows.length === limit
          ? encodeCursor({
              sort,
              value: key === 'openedAt' ? last.openedAt.toISOString() : last[key],
              caseId: last.caseId,
            })
          : null,
    };
  }
}

/** A cursor written for this sort: a cursor of another sort would skip or repeat cases. */
function isCursorOf(sort: string, key: CaseloadSortKey, cursor: CaseloadCursor): boolean {
  // As strict as the cast the database makes of it: a looser check would let a 500 through.
  const valueFits =
    key === 'openedAt'
      ? isInstant(cursor.value)
      : Number.isInteger(cursor.value) &&
        (cursor.value as number) >= 0 &&
        (cursor.value as number) <= 2 ** 31 - 1;
  return (
    cursor.sort === sort &&
    valueFits &&
    typeof cursor.caseId === 'string' &&
    UUID_PATTERN.test(cursor.caseId)
  );
}
