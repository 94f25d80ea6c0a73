import { APP_CONFIG, AppConfig, Clock, createKafka } from '@app/platform';
import { Controller, Get, Inject, OnModuleDestroy } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Admin } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Policy } from '../../auth/policy';
import { ApiProblemResponses } from '../../http/operation-docs';
import { ProjectionLagReader } from './projection-lag';
import { ProjectionLagResponseDto } from './projection-lag.response.dto';

/** How far each projection is behind the topic: the end offsets against what it applied. */
@ApiTags('read models')
@Controller('projections')
export class ProjectionLagController implements OnModuleDestroy {
  private readonly admin: Admin;
  private readonly reader: ProjectionLagReader;

  constructor(db: DataSource, clock: Clock, @Inject(APP_CONFIG) config: AppConfig) {
    this.admin = createKafka(config.kafka, 'api-lag', { retries: 1 }).admin();
    this.reader = new ProjectionLagReader(db, clock, config, this.admin);
  }

  @Get()
  @Policy('case.read')
  @ApiOperation({
    operationId: 'getProjectionLag',
    summary: 'Events and seconds each read model is behind the event topic, per partition',
  })
  @ApiOkResponse({ type: ProjectionLagResponseDto })
  @ApiProblemResponses(503)
  lag(): Promise<ProjectionLagResponseDto> {
    return this.reader.read();
  }

  async onModuleDestroy(): Promise<void> {
    await this.admin.disconnect();
  }
}
