export * from './audit.module';
export * from './consultation-log';
export * from './verify-integrity';
