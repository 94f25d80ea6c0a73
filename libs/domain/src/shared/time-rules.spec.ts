/*
 * The time rule of every decision, in one table. A time an investigator gives is refused when
 * it is not an instant (TIME.INVALID) or lies beyond the clock-skew tolerance (TIME.IN_FUTURE):
 * the rule of assertNotInFuture in time.ts, whose boundaries time.spec.ts tests. Here each
 * command of each decider is sent with each of its time fields (1) at exactly now, (2) beyond
 * the tolerance and (3) not an instant, on a history that takes it at now: so the refusals
 * come from the time alone. Time rules of a decision's own (before the arrest, after the
 * complaint, the legal clocks) stay in that decision's spec.
 *
 * The tables are keyed by the deciders' command types and, within a command, by the paths of
 * its Date fields: a command or a time field added without a row here does not compile.
 */
import { CaseCommand } from '../case/case.decider';
import { CaseEvent } from '../case/events';
import {
  MIGRANT,
  NOW as CASE_NOW,
  appealLodged,
  apprehended,
  arrested,
  at,
  broughtBeforeJudge,
  complaintFiled,
  decisionIssued,
  detained,
  given as givenCase,
  intentExpressed,
  opened,
  referred,
  referredToProsecution,
  released,
  remanded,
  remandServed,
} from '../case/testing/case-scenario';
import {
  amendCaseDetails,
  apprehendMigrant,
  apprehendMigrantGroup,
  arrestSuspect,
  bringBeforeJudge,
  closeCase,
  decideAppeal,
  establishIdentity,
  expressAsylumIntent,
  extendRemand,
  fileCriminalComplaint,
  handOverToForeignAuthorities,
  issueDetentionDecision,
  linkJointOperation,
  lodgeAppeal,
  openCase,
  orderRemand,
  recordCorrection,
  recordDetentionPlace,
  recordIndictment,
  recordLeftReception,
  recordSafeguard,
  referToAsylumCentre,
  referToProsecution,
  releaseFromCustody,
  serveRemandOrder,
  startPoliceDetention,
  withdrawEntry,
} from '../case/testing/case-commands';
import { JointOperationEvent } from '../joint-operation/events';
import { ReportPartnerFigures } from '../joint-operation/report-partner-figures/report-partner-figures.command';
import { reportPartnerFigures } from '../joint-operation/testing/joint-operation-commands';
import * as jointOperation from '../joint-operation/testing/joint-operation-scenario';
import { ApprehendForeigners } from '../procedure/apprehend-foreigners/apprehend-foreigners.command';
import { apprehendForeigners } from '../procedure/apprehend-foreigners/apprehend-foreigners.decision';
import { ProcedureEvent } from '../procedure/events';
import { ProcedureCommand } from '../procedure/procedure.decider';
import { foreigner, groupToApprehend, step } from '../procedure/testing/procedure-commands';
import * as procedure from '../procedure/testing/procedure-scenario';
import { DomainError } from './domain-error';
import { RULES } from './rules';

/** The paths of the Date fields of a command: 'occurredAt', 'persons[].intent.occurredAt'. */
type TimeFields<T> = {
  [K in keyof T & string]-?: TimeFieldsAt<NonNullable<T[K]>, K>;
}[keyof T & string];

type TimeFieldsAt<V, Path extends string> = V extends Date
  ? Path
  : V extends readonly (infer Item)[]
    ? TimeFieldsAt<NonNullable<Item>, `${Path}[]`>
    : V extends object
      ? `${Path}.${TimeFields<V>}`
      : never;

/**
 * A time field the time rule does not govern, and why; `at` builds the command with the field
 * at a given time.
 */
interface MayLieAhead<C> {
  readonly mayLieAhead: string;
  readonly at: (time: Date) => C;
}

/** For each time field, the command with that field at a given time and the rest as taken. */
type TimeField<C> = ((time: Date) => C) | MayLieAhead<C>;

type Row<C, E> = {
  /** A history on which the command, with any of its times at now, is taken. */
  readonly given: readonly E[];
} & ([TimeFields<C>] extends [never]
  ? /** A command with no time of its own: its entry is dated when it is made. */
    { readonly untimed: C }
  : { readonly times: { readonly [F in TimeFields<C>]: TimeField<C> } });

type Table<C extends { readonly type: string }, E> = {
  readonly [T in C['type']]: Row<Extract<C, { readonly type: T }>, E>;
};

const CASE_COMMANDS: Table<CaseCommand, CaseEvent> = {
  OpenCase: { given: [], times: { openedAt: (time) => openCase({ openedAt: time }) } },
  AmendCaseDetails: {
    given: [opened()],
    times: {
      occurredAt: (time) => amendCaseDetails({ summary: 'New summary.', occurredAt: time }),
    },
  },
  LinkJointOperation: {
    given: [opened()],
    times: {
      occurredAt: (time) => linkJointOperation({ occurredAt: time }),
      from: {
        mayLieAhead: 'an operation may be linked before it starts',
        at: (time) => linkJointOperation({ from: time, to: new Date(time.getTime() + 86_400_000) }),
      },
      to: {
        mayLieAhead: 'an operation is linked while it runs',
        at: (time) => linkJointOperation({ to: time }),
      },
    },
  },
  FileCriminalComplaint: {
    given: [opened(), arrested()],
    times: { occurredAt: (time) => fileCriminalComplaint({ occurredAt: time }) },
  },
  ReferToProsecution: {
    given: [opened(), arrested(), complaintFiled()],
    times: { occurredAt: (time) => referToProsecution({ occurredAt: time }) },
  },
  RecordIndictment: {
    given: [opened(), arrested(), complaintFiled(), referredToProsecution()],
    times: { occurredAt: (time) => recordIndictment({ occurredAt: time }) },
  },
  CloseCase: {
    given: [opened(), arrested(), apprehended(), released()],
    times: { occurredAt: (time) => closeCase({ occurredAt: time }) },
  },
  // The correction itself is dated when it is made; the time it gives the arrest is the
  // investigator's.
  RecordCorrection: {
    given: [opened(), arrested()],
    times: { correctedOccurredAt: (time) => recordCorrection({ correctedOccurredAt: time }) },
  },
  WithdrawEntry: {
    given: [opened(), arrested(), remanded(at('10:00'))],
    untimed: withdrawEntry('event-3'),
  },
  ArrestSuspect: {
    given: [opened()],
    times: { occurredAt: (time) => arrestSuspect({ occurredAt: time }) },
  },
  ApprehendMigrant: {
    given: [opened()],
    times: { occurredAt: (time) => apprehendMigrant({ occurredAt: time }) },
  },
  ApprehendMigrantGroup: {
    given: [opened()],
    times: { occurredAt: (time) => apprehendMigrantGroup({ occurredAt: time }) },
  },
  EstablishIdentity: {
    given: [opened(), apprehended(MIGRANT, at('09:00'))],
    times: { occurredAt: (time) => establishIdentity({ occurredAt: time }) },
  },
  StartPoliceDetention: {
    given: [opened(), arrested()],
    times: { occurredAt: (time) => startPoliceDetention({ occurredAt: time }) },
  },
  IssueDetentionDecision: {
    given: [opened(), arrested(), detained()],
    times: { occurredAt: (time) => issueDetentionDecision({ occurredAt: time }) },
  },
  BringBeforeJudge: {
    given: [opened(), arrested(), detained(), decisionIssued()],
    times: { occurredAt: (time) => bringBeforeJudge({ occurredAt: time }) },
  },
  OrderRemand: {
    given: [opened(), arrested(), detained(), decisionIssued(), broughtBeforeJudge()],
    times: { occurredAt: (time) => orderRemand({ occurredAt: time }) },
  },
  ServeRemandOrder: {
    given: [opened(), arrested(), broughtBeforeJudge(), remanded()],
    times: { occurredAt: (time) => serveRemandOrder({ occurredAt: time }) },
  },
  ExtendRemand: {
    given: [opened(), arrested(), broughtBeforeJudge(), remanded(), remandServed()],
    times: { occurredAt: (time) => extendRemand({ occurredAt: time }) },
  },
  ReleaseFromCustody: {
    given: [opened(), arrested(), detained()],
    times: { occurredAt: (time) => releaseFromCustody({ occurredAt: time }) },
  },
  LodgeAppeal: {
    given: [opened(), arrested(), detained(), decisionIssued()],
    times: { occurredAt: (time) => lodgeAppeal({ occurredAt: time }) },
  },
  DecideAppeal: {
    given: [opened(), arrested(), detained(), decisionIssued(), appealLodged()],
    times: { occurredAt: (time) => decideAppeal({ occurredAt: time }) },
  },
  HandOverToForeignAuthorities: {
    given: [opened(), apprehended()],
    times: { occurredAt: (time) => handOverToForeignAuthorities({ occurredAt: time }) },
  },
  RecordSafeguard: {
    given: [opened(), arrested(), detained()],
    times: { occurredAt: (time) => recordSafeguard({ occurredAt: time }) },
  },
  RecordDetentionPlace: {
    given: [opened(), arrested(), detained()],
    times: { occurredAt: (time) => recordDetentionPlace({ occurredAt: time }) },
  },
  ExpressAsylumIntent: {
    given: [opened(), apprehended(MIGRANT, at('09:00'))],
    times: { occurredAt: (time) => expressAsylumIntent({ occurredAt: time }) },
  },
  ReferToAsylumCentre: {
    given: [opened(), apprehended(MIGRANT, at('09:00')), intentExpressed(at('10:00'))],
    times: { occurredAt: (time) => referToAsylumCentre({ occurredAt: time }) },
  },
  RecordLeftReception: {
    given: [
      opened(),
      apprehended(MIGRANT, at('09:00')),
      intentExpressed(at('10:00')),
      referred(at('12:00')),
    ],
    times: { occurredAt: (time) => recordLeftReception({ occurredAt: time }) },
  },
};

/** A later fact of one procedure, or the apprehension that opens a procedure per person. */
type ProcedureStreamCommand = ProcedureCommand | ApprehendForeigners;

/** One person, apprehended at 02:10, with the later fact `facts` gives. */
const apprehendedWith = (facts: Parameters<typeof foreigner>[1]) =>
  groupToApprehend({ persons: [foreigner(1, facts)] });

const PROCEDURE_COMMANDS: Table<ProcedureStreamCommand, ProcedureEvent> = {
  StartBorderDetention: {
    given: [procedure.apprehended()],
    times: { occurredAt: (time) => step.detain({ occurredAt: time }) },
  },
  ExpressIntentInProcedure: {
    given: [procedure.apprehended()],
    times: { occurredAt: (time) => step.intent({ occurredAt: time }) },
  },
  ReferFromProcedure: {
    given: [procedure.apprehended()],
    times: { occurredAt: (time) => step.refer({ occurredAt: time }) },
  },
  HandOverFromProcedure: {
    given: [procedure.apprehended()],
    times: { occurredAt: (time) => step.handOver({ occurredAt: time }) },
  },
  ReleaseFromProcedure: {
    given: [procedure.apprehended()],
    times: { occurredAt: (time) => step.release({ occurredAt: time }) },
  },
  RecordLeftAsylumHome: {
    given: [procedure.apprehended(), procedure.referred(procedure.at('09:00'))],
    times: { occurredAt: (time) => step.leave({ occurredAt: time }) },
  },
  LinkProcedureToCase: {
    given: [procedure.apprehended()],
    times: { occurredAt: (time) => step.link({ occurredAt: time }) },
  },
  EstablishNationalityInProcedure: {
    given: [procedure.apprehended()],
    times: { occurredAt: (time) => step.nationality({ occurredAt: time }) },
  },
  // Opens new procedures: no history. Each person's later facts are their own times.
  ApprehendForeigners: {
    given: [],
    times: {
      occurredAt: (time) => groupToApprehend({ occurredAt: time, persons: [foreigner(1)] }),
      'persons[].borderDetention.occurredAt': (time) =>
        apprehendedWith({ borderDetention: { occurredAt: time } }),
      'persons[].intent.occurredAt': (time) =>
        apprehendedWith({ intent: { occurredAt: time, statement: 'handwritten' } }),
      'persons[].referral.occurredAt': (time) =>
        apprehendedWith({ referral: { occurredAt: time, destination: 'aliens-centre' } }),
      'persons[].handover.occurredAt': (time) =>
        apprehendedWith({
          handover: { occurredAt: time, country: 'HR', authority: 'PU Karlovac' },
        }),
      'persons[].release.occurredAt': (time) =>
        apprehendedWith({ release: { occurredAt: time, reason: 'Ordered to leave' } }),
    },
  },
};

const JOINT_OPERATION_COMMANDS: Table<ReportPartnerFigures, JointOperationEvent> = {
  ReportPartnerFigures: {
    given: [],
    times: { occurredAt: (time) => reportPartnerFigures({ occurredAt: time }) },
  },
};

interface Dated {
  readonly occurredAt: Date;
}

/** One time field of one command, decided at a given time on its row's history. */
type DecideAt = (time: Date) => () => readonly Dated[];

type Check = [command: string, field: string, decideAt: DecideAt];

/** What the tests below read off a decider's table. */
interface Checks {
  readonly now: Date;
  readonly governed: Check[];
  readonly mayLieAhead: [command: string, field: string, reason: string, decideAt: DecideAt][];
  readonly untimed: [command: string, decide: () => readonly Dated[]][];
}

/** A row as the tests read it, whatever its command. */
interface AnyRow<C, E> {
  readonly given: readonly E[];
  readonly times?: Readonly<Record<string, TimeField<C>>>;
  readonly untimed?: C;
}

/** The checks of a decider's table (a Table, read whatever the command of each row). */
function checksOf<C, E>(
  table: Readonly<Record<string, AnyRow<C, E>>>,
  now: Date,
  decide: (history: readonly E[], command: C) => readonly Dated[],
): Checks {
  const rows = Object.entries(table);
  const fields = rows.flatMap(([type, row]) =>
    Object.entries(row.times ?? {}).map(([field, entry]) => ({ type, row, field, entry })),
  );
  return {
    now,
    governed: fields.flatMap(({ type, row, field, entry }): Check[] =>
      typeof entry === 'function'
        ? [[type, field, (time) => () => decide(row.given, entry(time))]]
        : [],
    ),
    mayLieAhead: fields.flatMap(({ type, row, field, entry }): Checks['mayLieAhead'] =>
      typeof entry === 'function'
        ? []
        : [[type, field, entry.mayLieAhead, (time) => () => decide(row.given, entry.at(time))]],
    ),
    untimed: rows.flatMap(([type, row]): Checks['untimed'] => {
      const command = row.untimed;
      return command ? [[type, () => decide(row.given, command)]] : [];
    }),
  };
}

const DECIDERS: [decider: string, checks: Checks][] = [
  [
    'case',
    checksOf<CaseCommand, CaseEvent>(CASE_COMMANDS, CASE_NOW, (history, command) =>
      givenCase(...history)
        .when(command)
        .events(),
    ),
  ],
  [
    'procedure',
    checksOf<ProcedureStreamCommand, ProcedureEvent>(
      PROCEDURE_COMMANDS,
      procedure.NOW,
      (history, command) =>
        command.type === 'ApprehendForeigners'
          ? apprehendForeigners(command, procedure.NOW).flatMap((decided) => decided.events)
          : procedure
              .given(...history)
              .when(command)
              .events(),
    ),
  ],
  [
    'joint operation',
    checksOf<ReportPartnerFigures, JointOperationEvent>(
      JOINT_OPERATION_COMMANDS,
      jointOperation.NOW,
      (history, command) =>
        jointOperation
          .given(...history)
          .when(command)
          .events(),
    ),
  ],
];

/** 'taken', or the code of the refusal. */
function outcomeOf(decide: () => unknown): string {
  try {
    decide();
    return 'taken';
  } catch (error) {
    if (error instanceof DomainError) return error.code;
    throw error;
  }
}

const beyondTolerance = (now: Date) => new Date(now.getTime() + 2 * RULES.clockSkewToleranceMs);

describe.each(DECIDERS)('the time rule of every %s decision', (_decider, checks) => {
  const { now } = checks;

  it.each(checks.governed)('takes %s with its %s at exactly now', (_command, _field, decideAt) => {
    expect(outcomeOf(decideAt(now))).toBe('taken');
  });

  it.each(checks.governed)(
    'refuses %s with its %s beyond the clock-skew tolerance',
    (_command, _field, decideAt) => {
      expect(outcomeOf(decideAt(beyondTolerance(now)))).toBe('TIME.IN_FUTURE');
    },
  );

  it.each(checks.governed)(
    'refuses %s with its %s not an instant',
    (_command, _field, decideAt) => {
      expect(outcomeOf(decideAt(new Date('not a date')))).toBe('TIME.INVALID');
    },
  );

  if (checks.mayLieAhead.length > 0) {
    it.each(checks.mayLieAhead)(
      'takes %s with its %s beyond the tolerance: %s',
      (_command, _field, _reason, decideAt) => {
        expect(outcomeOf(decideAt(beyondTolerance(now)))).toBe('taken');
      },
    );
  }

  if (checks.untimed.length > 0) {
    it.each(checks.untimed)('dates %s, which gives no time, at now', (_command, decide) => {
      expect(decide().map((event) => event.occurredAt)).toEqual([now]);
    });
  }
});
