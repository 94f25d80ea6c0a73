export * from './audit.module';
export * from './consultation-log';
export * from './read-only-snapshot';
export * from './verify-integrity';
