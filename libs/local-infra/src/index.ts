export * from './paths';
export * from './process-utils';
export * from './embedded-postgres';
export * from './kafka-broker';
export * from './local-secrets';
