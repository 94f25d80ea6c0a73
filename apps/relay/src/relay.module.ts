import {
  APP_CONFIG,
  AppConfig,
  ConfigModule,
  DatabaseModule,
  KafkaModule,
  TracingShutdown,
  ensureTopicWhenAvailable,
} from '@app/platform';
import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { OutboxRelay } from './outbox-relay';

@Injectable()
class RelayLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly relay: OutboxRelay;

  constructor(
    kafka: Kafka,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.relay = new OutboxRelay(kafka, config);
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopicWhenAvailable(this.config.kafka, 'relay');
    this.relay.start();
  }

  onApplicationShutdown(): Promise<void> {
    // Half the grace for a send stuck on an unreachable broker; the rest closes the pools.
    return this.relay.stop(this.config.shutdownGraceMs / 2);
  }
}

@Module({})
export class RelayModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: RelayModule,
      imports: [
        ConfigModule.forRoot(config),
        // The relay needs the migrated schema but no entities of its own.
        DatabaseModule.forRoot({ config, entities: [], applicationName: 'relay-migrations' }),
        KafkaModule.forRoot(config, 'relay'),
      ],
      providers: [RelayLifecycle, TracingShutdown],
    };
  }
}
