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
import { ListProceduresQuery } from './list-procedures.query';
import { ListProceduresRequestDto } from './list-procedures.request.dto';
import { ListProceduresResponseDto, ProcedureItemDto } from './list-procedures.response.dto';

interface ProceduresCursor {
  readonly apprehendedAt: string;
  readonly procedureId: string;
}

@ApiTags('procedures')
@Controller('procedures')
export class ListProceduresController {
  constructor(
    private readonly queries: QueryBus,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get()
  @Policy('procedure.read')
  // The list shows who is held in border detention: custody status, so it is logged.
  @Consulted<ListProceduresResponseDto>('optional', (answer) =>
    [...new Set(answer.items.map((p) => p.personId))].map((id) => ({ kind: 'person', id })),
  )
  @ApiOperation({
    operationId: 'listProcedures',
    summary:
      'Procedures with foreigners apprehended after crossing illegally, with totals: by ' +
      'directorate, border section, period, joint operation, case',
  })
  @ApiOkResponse({ type: ListProceduresResponseDto })
  @ApiProblemResponses(400, 503)
  async list(
    @Query() query: ListProceduresRequestDto,
    @CurrentActor() actor: Actor,
  ): Promise<ListProceduresResponseDto> {
    // An officer bound to a directorate sees its procedures only, whatever is asked.
    const directorate = directorateScope(actor, query.directorate);
    await this.freshness.waitFor('procedures', query);
    const limit = pageSize(query);
    const { totals, rows } = await this.queries.execute(
      new ListProceduresQuery({
        directorate,
        borderSection: query.borderSection ?? null,
        from: query.from ?? null,
        to: query.to ?? null,
        jointOperation: query.jointOperation ?? null,
        caseId: query.caseId?.toLowerCase() ?? null,
        after: query.cursor ? decodeCursor<ProceduresCursor>(query.cursor, isCursor) : null,
        limit,
      }),
    );
    const last = rows.at(-1);
    return {
      totals,
      items: rows.map((row) => ProcedureItemDto.from(row)),
      nextCursor:
        last && rows.length === limit
          ? encodeCursor({
              apprehendedAt: last.apprehendedAt.toISOString(),
              procedureId: last.procedureId,
            } satisfies ProceduresCursor)
          : null,
    };
  }
}

/** As strict as the casts the database makes of it: a looser check would let a 500 through. */
function isCursor(cursor: ProceduresCursor): boolean {
  return (
    isInstant(cursor.apprehendedAt) &&
    typeof cursor.procedureId === 'string' &&
    UUID_PATTERN.test(cursor.procedureId)
  );
}
