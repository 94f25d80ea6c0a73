import { Actor } from '@app/auth';
import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Consulted } from '../../audit/consultation-log/consulted';
import { CurrentActor } from '../../auth/current-actor';
import { Policy } from '../../auth/policy';
import { uuidParam } from '../../cases/shared/request-parts.dto';
import { ApiProblemResponses } from '../../http/operation-docs';
import { ReadAfterDto, ReadModelFreshness } from '../../read-side/freshness';
import { assertProcedureVisible } from '../procedure-access';
import { ProcedureResponseDto } from './get-procedure.response.dto';
import { GetProcedureQuery } from './get-procedure.query';

@ApiTags('procedures')
@Controller('procedures')
export class GetProcedureController {
  constructor(
    private readonly queries: QueryBus,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get(':procedureId')
  @Policy('procedure.read')
  // Border detention is a deprivation of liberty: who read whose is logged.
  @Consulted<ProcedureResponseDto>('optional', (answer) => [
    { kind: 'person', id: answer.personId },
    ...(answer.caseId ? [{ kind: 'case' as const, id: answer.caseId }] : []),
  ])
  @ApiOperation({
    operationId: 'getProcedure',
    summary: 'A procedure: its steps by when they happened, its border-detention clock, gaps',
  })
  @ApiOkResponse({ type: ProcedureResponseDto })
  @ApiProblemResponses(400, 404, 503)
  async get(
    @Param('procedureId', uuidParam('procedureId')) procedureId: string,
    @Query() query: ReadAfterDto,
    @CurrentActor() actor: Actor,
  ): Promise<ProcedureResponseDto> {
    await this.freshness.waitFor('procedures', query);
    const row = await this.queries.execute(new GetProcedureQuery(procedureId));
    // Outside the caller's directorate it answers as an unknown procedure: 404 either way.
    assertProcedureVisible(actor, procedureId, row);
    return ProcedureResponseDto.of(row);
  }
}
