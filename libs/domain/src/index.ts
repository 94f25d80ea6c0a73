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
/*
 * Every command of a case, from its use case's folder (the decision and its spec sit beside
 * it): the API names the one each route builds, so that a reader gets there from the route.
 */
export * from './case/lifecycle/amend-case-details/amend-case-details.command';
export * from './case/lifecycle/close-case/close-case.command';
export * from './case/lifecycle/file-criminal-complaint/file-criminal-complaint.command';
export * from './case/lifecycle/link-joint-operation/link-joint-operation.command';
export * from './case/lifecycle/open-case/open-case.command';
export * from './case/lifecycle/record-correction/record-correction.command';
export * from './case/lifecycle/record-indictment/record-indictment.command';
export * from './case/lifecycle/refer-to-prosecution/refer-to-prosecution.command';
export * from './case/lifecycle/withdraw-entry/withdraw-entry.command';
export * from './case/people/apprehend-migrant/apprehend-migrant.command';
export * from './case/people/apprehend-migrant-group/apprehend-migrant-group.command';
export * from './case/people/arrest-suspect/arrest-suspect.command';
export * from './case/people/establish-identity/establish-identity.command';
export * from './case/custody/bring-before-judge/bring-before-judge.command';
export * from './case/custody/decide-appeal/decide-appeal.command';
export * from './case/custody/extend-remand/extend-remand.command';
export * from './case/custody/hand-over-to-foreign-authorities/hand-over-to-foreign-authorities.command';
export * from './case/custody/issue-detention-decision/issue-detention-decision.command';
export * from './case/custody/lodge-appeal/lodge-appeal.command';
export * from './case/custody/order-remand/order-remand.command';
export * from './case/custody/record-detention-place/record-detention-place.command';
export * from './case/custody/record-safeguard/record-safeguard.command';
export * from './case/custody/release-from-custody/release-from-custody.command';
export * from './case/custody/serve-remand-order/serve-remand-order.command';
export * from './case/custody/start-police-detention/start-police-detention.command';
export * from './case/protection/express-asylum-intent/express-asylum-intent.command';
export * from './case/protection/record-left-reception/record-left-reception.command';
export * from './case/protection/refer-to-asylum-centre/refer-to-asylum-centre.command';
export * from './case/case-upcasters';
export * from './procedure';
export * from './joint-operation';
