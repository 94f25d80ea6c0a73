import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../auth/policy';
import { ApiProblemResponses } from '../../http/openapi';
import { RequestValidationError } from '../../http/request-validation';
import { ReadModelFreshness } from '../../read-side/freshness';
import { Period, PressStatisticsQuery } from './press-statistics.query';
import { PressStatisticsRequestDto } from './press-statistics.request.dto';
import { PressStatisticsResponseDto } from './press-statistics.response.dto';

const MAX_YEARS = 20;

/**
 * The figures police management publishes, for any period and the same period a year
 * earlier. They count people and cases, never name them, so every role that reads cases
 * may read them for the whole country.
 */
@ApiTags('statistics')
@Controller('statistics')
export class PressStatisticsController {
  constructor(
    private readonly queries: QueryBus,
    private readonly freshness: ReadModelFreshness,
  ) {}

  @Get()
  @Policy('case.read')
  @ApiOperation({
    operationId: 'getStatistics',
    summary:
      'Cases, smugglers, migrants, remands and asylum intents of a period, and a year earlier',
  })
  @ApiOkResponse({ type: PressStatisticsResponseDto })
  @ApiProblemResponses(400, 503)
  async statistics(@Query() query: PressStatisticsRequestDto): Promise<PressStatisticsResponseDto> {
    const period = checkedPeriod(query);
    await this.freshness.waitFor('statistics', query);
    const [figures, yearEarlier] = await this.queries.execute(
      new PressStatisticsQuery(
        [period, { from: yearBefore(period.from), to: yearBefore(period.to) }],
        query.directorate ?? null,
      ),
    );
    return { ...figures, yearEarlier };
  }
}

function checkedPeriod({ from, to }: Period): Period {
  const messages = [
    ...(from < to ? [] : ['to must be a later day than from']),
    ...(Number(to.slice(0, 4)) - Number(from.slice(0, 4)) <= MAX_YEARS
      ? []
      : [`a period may span at most ${MAX_YEARS} years`]),
  ];
  if (messages.length > 0) throw new RequestValidationError([{ field: 'to', messages }]);
  return { from, to };
}

/** The same day a year earlier; 29 February becomes 28 February. */
export function yearBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return `${year - 1}-${String(month).padStart(2, '0')}-${String(Math.min(date, lastDay)).padStart(2, '0')}`;
}
