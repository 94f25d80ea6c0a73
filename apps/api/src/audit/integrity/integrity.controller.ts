import { verifyIntegrity } from '@app/audit';
import { APP_CONFIG, AppConfig, createKafka } from '@app/platform';
import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Kafka, KafkaJSError } from 'kafkajs';
import { DataSource } from 'typeorm';
import { Policy } from '../../auth/policy';
import { ApiProblemResponses } from '../../http/operation-docs';
import { Consulted } from '../consultation-log/consulted';
import { IntegrityResponseDto } from './integrity.response.dto';

@ApiTags('audit')
@Controller('audit/integrity')
export class IntegrityController {
  private readonly kafka: Kafka;

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.kafka = createKafka(config.kafka, 'api-integrity', { retries: 2 });
  }

  @Get()
  @Policy('audit.read')
  @Consulted('optional', () => [{ kind: 'integrity', id: 'store' }])
  @ApiOperation({
    operationId: 'verifyIntegrity',
    summary:
      'Recomputes every hash chain (streams, ledger, consultation log) and compares the ' +
      "topic's last messages with the store; names the first break of each check",
  })
  @ApiOkResponse({ type: IntegrityResponseDto })
  @ApiProblemResponses(503)
  async verify(): Promise<IntegrityResponseDto> {
    try {
      const report = await verifyIntegrity(this.db, {
        kafka: { client: this.kafka, topic: this.config.kafka.topic },
      });
      return IntegrityResponseDto.from(report);
    } catch (error) {
      // Without the topic's copy a tail cut cannot be ruled out: no half answer.
      if (error instanceof KafkaJSError) {
        throw new ServiceUnavailableException('Kafka cannot be reached.');
      }
      throw error;
    }
  }
}
