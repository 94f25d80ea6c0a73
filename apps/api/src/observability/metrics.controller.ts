import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Response } from 'express';
import { Public } from '../auth/policy';
import { ApiMetrics } from './api-metrics';

/**
 * Prometheus scrapes without a token, as the orchestrator probes /health: the metrics are
 * counts, durations and lags named by command, problem code, projection and partition, never
 * a case, a person or a user. Like /health, keep it off the public ingress (README, Operations).
 */
@ApiTags('health')
@Controller('metrics')
// Never rate-limited, as the probes (auth/rate-limit.middleware.ts).
@Public()
export class MetricsController {
  constructor(private readonly metrics: ApiMetrics) {}

  @Get()
  @ApiOperation({
    operationId: 'getMetrics',
    summary: 'Prometheus metrics: commands, conflicts, refusals, outbox, relay and projection lag',
  })
  @ApiProduces('text/plain')
  @ApiOkResponse({
    description: 'The Prometheus text exposition format',
    content: { 'text/plain': { schema: { type: 'string' } } },
  })
  async scrape(@Res() res: Response): Promise<void> {
    const body = await this.metrics.scrape();
    res.status(200).setHeader('Content-Type', this.metrics.contentType).send(body);
  }
}
