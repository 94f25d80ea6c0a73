import { DomainError } from '@app/domain';
import { Controller, Get, Param } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblemResponses } from '../../http/openapi';
import { uuidParam } from '../shared/request-parts.dto';
import { CaseResponseDto } from './case.response.dto';
import { GetCaseQuery } from './get-case.query';

@ApiTags('cases')
@Controller('cases')
export class GetCaseController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':caseId')
  @ApiOperation({ operationId: 'getCase', summary: 'A case as projected from its events' })
  @ApiOkResponse({ type: CaseResponseDto })
  @ApiProblemResponses(400, 404, 503)
  async get(@Param('caseId', uuidParam('caseId')) caseId: string): Promise<CaseResponseDto> {
    const row = await this.queries.execute(new GetCaseQuery(caseId));
    if (!row) throw new DomainError('CASE.NOT_FOUND', 'No such case.', { caseId });
    return CaseResponseDto.from(row);
  }
}
