export * from './event-envelope';
export * from './event-store';
export * from './event-store.errors';
export * from './postgres-event-store';
export * from './command-executor';
export * from './event-message';
export * from './event-store.module';
