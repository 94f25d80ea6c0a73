export * from './events';
export * from './state/procedure.state';
export * from './procedure.decider';
// Every command, from its use case's folder: the API names the one each route builds.
export * from './apprehend-foreigners/apprehend-foreigners.command';
export * from './apprehend-foreigners/apprehend-foreigners.decision';
export * from './establish-nationality/establish-nationality.command';
export * from './express-intent/express-intent.command';
export * from './hand-over/hand-over.command';
export * from './link-to-case/link-to-case.command';
export { assertMigrantsOfCase } from './link-to-case/link-to-case.decision';
export * from './record-left-asylum-home/record-left-asylum-home.command';
export * from './refer/refer.command';
export * from './release/release.command';
export * from './start-border-detention/start-border-detention.command';
