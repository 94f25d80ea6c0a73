import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Policy } from '../../auth/policy';
import { ApiProblemResponses } from '../../http/operation-docs';
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
      'Cases, smugglers, migrants, remands, asylum intents and foreigners apprehended of a ' +
      'period, and a year earlier',
  })
  @ApiOkResponse({ type: PressStatisticsResponseDto })
  @ApiProblemResponses(400, 503)
  async statistics(@Query() query: PressStatisticsRequestDto): Promise<PressStatisticsResponseDto> {
    const period = checkedPeriod(query);
    // The foreigners come from the procedures as well: both have the caller's write.
    await this.freshness.waitFor('statistics', query);
    await this.freshness.waitFor('procedures', query);
    const [figures, earlier] = await this.queries.execute(
      new PressStatisticsQuery([period, yearEarlier(period)], query.directorate ?? null),
    );
    return { ...figures, yearEarlier: earlier };
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

/**
 * The same days a year earlier. 29 February becomes 28 February; the exclusive end is the day
 * after the period's last day a year earlier, so that a period ending on 29 February still
 * counts 28 February the year before.
 */
export function yearEarlier({ from, to }: Period): Period {
  return { from: yearBefore(from), to: addDays(yearBefore(addDays(to, -1)), 1) };
}

function yearBefore(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const lastDay = new Date(Date.UTC(year - 1, month, 0)).getUTCDate();
  return isoDay(new Date(Date.UTC(year - 1, month - 1, Math.min(date, lastDay))));
}

function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return isoDay(new Date(Date.UTC(year, month - 1, date + days)));
}

const isoDay = (at: Date) => at.toISOString().slice(0, 10);
