import {
  APP_CONFIG,
  AppConfig,
  ConfigModule,
  DatabaseModule,
  KafkaModule,
  TracingShutdown,
  ensureTopicWhenAvailable,
  untilAvailable,
} from '@app/platform';
import {
  PROJECTIONS,
  Projection,
  ProjectionRunner,
  READ_MODEL_ENTITIES,
  READ_MODEL_PROJECTIONS,
} from '@app/read-models';
import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';

/** Runs every projection, each in its own consumer group with its own checkpoints. */
@Injectable()
class ProjectorLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly runners: ProjectionRunner[];

  constructor(
    kafka: Kafka,
    db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PROJECTIONS) projections: Projection[],
  ) {
    this.runners = projections.map(
      (projection) => new ProjectionRunner({ kind: 'live', projection }, kafka, db, config),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopicWhenAvailable(this.config.kafka, 'projector');
    // The broker answered just before, but may go again, or still be settling (a coordinator
    // loading, "Broker -1 not found in the cached metadata" after its restart).
    await Promise.all(
      this.runners.map((runner) =>
        untilAvailable('Kafka', `starting projection ${runner.name}`, () => runner.start()),
      ),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }
}

@Module({})
export class ProjectorModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot({
          config,
          entities: READ_MODEL_ENTITIES,
          applicationName: 'projector',
        }),
        KafkaModule.forRoot(config, 'projector'),
      ],
      providers: [
        ...READ_MODEL_PROJECTIONS,
        {
          provide: PROJECTIONS,
          useFactory: (...projections: Projection[]) => projections,
          inject: READ_MODEL_PROJECTIONS,
        },
        ProjectorLifecycle,
        TracingShutdown,
      ],
    };
  }
}
