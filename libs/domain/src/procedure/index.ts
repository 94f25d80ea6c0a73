export * from './events';
export * from './state/procedure.state';
export * from './procedure.decider';
export * from './apprehend-foreigners/apprehend-foreigners.command';
export * from './apprehend-foreigners/apprehend-foreigners.decision';
export * from './link-to-case/link-to-case.command';
export { assertMigrantsOfCase } from './link-to-case/link-to-case.decision';
