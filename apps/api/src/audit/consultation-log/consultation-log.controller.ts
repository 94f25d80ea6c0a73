import { ConsultationLog } from '@app/audit';
import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../auth/policy';
import { decodeCursor, encodeCursor, pageSize } from '../../http/cursor';
import { ApiProblemResponses } from '../../http/operation-docs';
import { Consulted } from './consulted';
import {
  ConsultationCursor,
  ConsultationLogRequestDto,
  isConsultationCursor,
} from './consultation-log.request.dto';
import { ConsultationDto, ConsultationLogResponseDto } from './consultation-log.response.dto';

@ApiTags('audit')
@Controller('audit/consultations')
export class ConsultationLogController {
  constructor(private readonly log: ConsultationLog) {}

  @Get()
  @Policy('audit.read')
  // The auditors' own reads are logged too: naming the entries they were shown.
  @Consulted<ConsultationLogResponseDto>('optional', (answer) =>
    answer.items.length === 0
      ? []
      : [
          {
            kind: 'consultation-log',
            id: `${answer.items[0].seq}-${answer.items[answer.items.length - 1].seq}`,
          },
        ],
  )
  @ApiOperation({
    operationId: 'listConsultations',
    summary: 'Who consulted, disclosed or erased which records, when and why',
  })
  @ApiOkResponse({ type: ConsultationLogResponseDto })
  @ApiProblemResponses(400)
  async list(@Query() query: ConsultationLogRequestDto): Promise<ConsultationLogResponseDto> {
    const after = query.cursor
      ? decodeCursor<ConsultationCursor>(query.cursor, isConsultationCursor).after
      : undefined;
    const limit = pageSize(query);
    const entries = await this.log.list({
      actorId: query.actorId,
      recordId: query.recordId,
      action: query.action,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      afterSeq: after,
      limit: limit + 1,
    });
    const items = entries.slice(0, limit).map((entry) => ConsultationDto.from(entry));
    return {
      items,
      nextCursor:
        entries.length > limit ? encodeCursor({ after: items[items.length - 1].seq }) : null,
    };
  }
}
