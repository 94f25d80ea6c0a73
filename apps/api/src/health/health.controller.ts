import { APP_CONFIG, AppConfig, createKafka } from '@app/platform';
import {
  Controller,
  Get,
  Inject,
  OnModuleDestroy,
  Res,
  ServiceUnavailableException,
} from '@nestjs/common';
import {
  ApiOkResponse,
  ApiOperation,
  ApiServiceUnavailableResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import { Response } from 'express';
import { Admin } from 'kafkajs';
import { Public } from '../auth/policy';
import { DataSource } from 'typeorm';

const CHECK_TIMEOUT_MS = 2000;

function within<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not answer in ${CHECK_TIMEOUT_MS} ms`)),
      CHECK_TIMEOUT_MS,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

@ApiTags('health')
@Controller('health')
// Probes come often and from the orchestrator's address: never rate-limited
// (auth/rate-limit.middleware.ts).
@Public()
export class HealthController implements OnModuleDestroy {
  private readonly admin: Admin;

  constructor(
    private readonly health: HealthCheckService,
    private readonly indicator: HealthIndicatorService,
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    // A probe answers now or reports down; it must not keep retrying behind the answer.
    this.admin = createKafka(config.kafka, 'api-health', { retries: 0 }).admin();
  }

  @Get('live')
  @ApiOperation({ operationId: 'getLiveness', summary: 'The process is up' })
  @ApiOkResponse({ description: 'Always, while the process serves requests' })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({
    operationId: 'getReadiness',
    summary: 'Postgres, the schema migrations and Kafka (with the event topic) are ready',
  })
  @ApiOkResponse({ description: 'Ready' })
  @ApiServiceUnavailableResponse({ description: 'Not ready; `error` names what is missing' })
  async ready(@Res() res: Response): Promise<void> {
    try {
      res.status(200).json(
        await this.health.check([
          () => this.check('postgres', () => this.db.query('SELECT 1')),
          () =>
            this.check('migrations', async () => {
              if (await this.db.showMigrations()) throw new Error('migrations pending');
            }),
          () =>
            this.check('kafka', async () => {
              await this.admin.connect();
              const { topics } = await this.admin.fetchTopicMetadata({
                topics: [this.config.kafka.topic],
              });
              if (topics.length === 0) throw new Error('event topic missing');
            }),
        ]),
      );
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      res.status(503).setHeader('Retry-After', '5').json(error.getResponse());
    }
  }

  private async check(key: string, probe: () => Promise<unknown>) {
    const indicator = this.indicator.check(key);
    try {
      await within(probe(), key);
      return indicator.up();
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin.disconnect();
  }
}
