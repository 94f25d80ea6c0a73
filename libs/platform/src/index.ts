export * from './config/app-config';
export * from './config/config.module';
export * from './database/data-source';
export * from './database/database.module';
export * from './database/migrations';
export * from './kafka/kafka';
export * from './kafka/kafka.module';
export * from './clock';
