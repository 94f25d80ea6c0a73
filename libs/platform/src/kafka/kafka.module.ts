import { DynamicModule, Module } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { AppConfig } from '../config/app-config';
import { createKafka } from './kafka';

@Module({})
export class KafkaModule {
  static forRoot(config: AppConfig, role: string): DynamicModule {
    return {
      module: KafkaModule,
      providers: [{ provide: Kafka, useFactory: () => createKafka(config.kafka, role) }],
      exports: [Kafka],
    };
  }
}
