export * from './paths';
export * from './process-utils';
export * from './embedded-postgres';
export * from './kafka-broker';
export * from './own-servers';
export * from './local-secrets';
