export * from './json-schema';
export * from './envelope.schemas';
export * from './events/event-schemas';
export * from './asyncapi';
