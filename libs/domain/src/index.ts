export * from './shared/domain-error';
export * from './shared/refusals';
export * from './shared/domain-event';
export * from './shared/rules';
export * from './shared/time';
export * from './shared/upcasting';
export * from './values/directorate';
export * from './values/case-reference';
export * from './values/nationality';
export * from './values/offence';
export * from './values/personal-data';
export * from './case/events';
export * from './case/state/case.state';
export * from './case/state/custody';
export * from './case/state/clocks';
export * from './case/state/safeguards';
export * from './case/state/remand';
export * from './custody-desk';
export { SAFEGUARD_STEPS } from './case/custody/record-safeguard/record-safeguard.command';
export {
  chronology,
  evolveCase,
  foldHistory,
  standingFacts,
  withdrawnIds,
} from './case/state/evolve';
export { HISTORY_RULES, historyBreaks } from './case/state/chronology';
export * from './case/state/timeline';
export * from './case/state/breaches';
export * from './case/case.decider';
export * from './case/case-upcasters';
export * from './procedure';
export * from './joint-operation';
