/** Where a body names a person whose id the API answered for an earlier step. */
export interface PersonRef {
  readonly $person: string;
}

/** Where a body names a case whose id the API answered when it was opened. */
export interface CaseRef {
  readonly $case: string;
}

export type BodyValue =
  | string
  | number
  | boolean
  | null
  | PersonRef
  | CaseRef
  | readonly BodyValue[]
  | { readonly [key: string]: BodyValue };

export type Body = { readonly [key: string]: BodyValue };

export type CaseAction =
  | 'arrests'
  | 'apprehension-groups'
  | 'joint-operations'
  | 'criminal-complaints'
  | 'prosecution-referral'
  | 'indictments'
  | 'closure';

export type PersonAction =
  | 'police-detention'
  | 'detention-decision'
  | 'judge-appearance'
  | 'remand'
  | 'remand-service'
  | 'remand-extensions'
  | 'release'
  | 'handover'
  | 'asylum-intents'
  | 'asylum-referral'
  | 'reception-departure';

/** Later facts of a police procedure with a foreigner, each on its own route. */
export type ProcedureAction =
  | 'asylum-home-departure'
  | 'asylum-intents'
  | 'referral'
  | 'handover'
  | 'release'
  | 'border-detention'
  | 'case-link'
  | 'nationality';

export type StepRoute =
  | '/cases'
  | `/cases/:caseId/${CaseAction}`
  | `/cases/:caseId/persons/:personId/${PersonAction}`
  | '/procedures'
  | `/procedures/:procedureId/${ProcedureAction}`
  | '/joint-operations/partner-reports';

export interface PlannedStep {
  /** Unique in the plan and stable for a seed: the loader's idempotency key ends with it. */
  readonly key: string;
  readonly method: 'POST';
  readonly route: StepRoute;
  /** For a route with :personId, the person key whose answered id goes there. */
  readonly personKey?: string;
  /** For a route with :procedureId, the procedure key whose answered id goes there. */
  readonly procedureKey?: string;
  readonly body: Body;
  /**
   * Person keys bound, in order, to the `persons` of the answer; for POST /procedures, the
   * procedure keys bound to the `procedures` of the answer: each to its procedure's id (for
   * :procedureId) and to its person's id (for a PersonRef).
   */
  readonly answers?: readonly string[];
}

/** What the loader sends one step after another, once the units it names are loaded. */
export interface PlannedUnit {
  /** A case `2023-042` (year of opening, place in it) or a procedure group `pg2023-0042`. */
  readonly key: string;
  /** Units whose steps must all be accepted first: this one names what they registered. */
  readonly after: readonly string[];
  readonly steps: readonly PlannedStep[];
}

/** A smuggling case, opened by its first step. */
export type PlannedCase = PlannedUnit;

/**
 * Foreigners apprehended together: one POST /procedures (a procedure each, with the intents,
 * referrals and other steps recorded with it), then the departures from the asylum home
 * recorded on their procedures days later.
 */
export type PlannedProcedureGroup = PlannedUnit;

export interface PlannedHistory {
  readonly seed: number;
  readonly version: number;
  /** In order of opening; a case depends only on cases before it. */
  readonly cases: readonly PlannedCase[];
  /**
   * In order of apprehension; a group depends only on cases (the joint operation's) and on
   * groups before it (where the people it catches again were caught before).
   */
  readonly procedureGroups: readonly PlannedProcedureGroup[];
}
