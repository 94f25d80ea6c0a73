import { Nationality } from '../../values/nationality';
import { instant } from '../../shared/time';
import { CaseEvent, CaseEventType, CorrectionRecorded, EntryWithdrawn, Safeguard } from '../events';
import {
  Appeal,
  CaseFile,
  CaseState,
  MissingStep,
  PersonInCase,
  SafeguardRecord,
  initialCaseState,
} from './case.state';
import { Custody, FREE, isHeld, isInPoliceHands } from './custody';

/**
 * Folds one entry into the case. The state is the chronology, not the order of entry: an entry
 * that happened after everything on record is applied as it comes; any other (a late fact, a
 * correction, a withdrawal) rebuilds the file from its history in time order.
 */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  if (state.status === 'none') return foldHistory([event]);
  const history = [...state.history, event];
  const inOrder =
    !isAmendment(event) &&
    state.status === 'open' &&
    (event.type === 'case.closed' || event.occurredAt.getTime() > state.lastActAt.getTime());
  if (!inOrder) return foldHistory(history);
  const next = applyFact(state, event);
  return next.status === 'none' ? next : { ...next, history };
}

/** Entries that amend other entries rather than state a fact of their own. */
export function isAmendment(event: CaseEvent): event is CorrectionRecorded | EntryWithdrawn {
  return event.type === 'case.correction-recorded' || event.type === 'case.entry-withdrawn';
}

/**
 * The ids of the entries withdrawn by a withdrawal that stands. Read from the latest entry back,
 * since a withdrawal names an earlier entry: a withdrawn withdrawal withdraws nothing.
 */
export function withdrawnIds(history: readonly CaseEvent[]): Set<string> {
  const withdrawn = new Set<string>();
  for (let i = history.length - 1; i >= 0; i--) {
    const event = history[i];
    if (event.eventId !== undefined && withdrawn.has(event.eventId)) continue;
    if (event.type === 'case.entry-withdrawn') withdrawn.add(event.data.withdrawnEventId);
  }
  return withdrawn;
}

/**
 * The facts that stand, in the order they were recorded: withdrawn entries left out, and each
 * corrected fact as its latest standing correction says.
 */
export function standingFacts(history: readonly CaseEvent[]): CaseEvent[] {
  const withdrawn = withdrawnIds(history);
  const stands = (event: CaseEvent) => event.eventId === undefined || !withdrawn.has(event.eventId);
  const replacements = new Map<string, CorrectionRecorded['data']['replacement']>();
  for (const event of history) {
    if (event.type === 'case.correction-recorded' && stands(event)) {
      replacements.set(event.data.correctedEventId, event.data.replacement);
    }
  }
  return history
    .filter((event) => !isAmendment(event) && stands(event))
    .map((event) => {
      const replacement = event.eventId ? replacements.get(event.eventId) : undefined;
      return replacement
        ? ({
            ...event,
            occurredAt: instant(replacement.occurredAt),
            data: replacement.data,
          } as CaseEvent)
        : event;
    });
}

/**
 * Where a fact stands among facts of the same instant: the steps of a procedure in the order
 * the law has them, so that two facts dated alike fold the same whatever order they came in.
 */
const STEP_RANK: Partial<Record<CaseEventType, number>> = {
  'person.identity-established': 1,
  'custody.police-detention-started': 1,
  'custody.detention-decision-issued': 2,
  'custody.brought-before-judge': 3,
  'custody.remand-ordered': 4,
  'custody.remand-order-served': 5,
  'custody.remand-extended': 6,
  'custody.appeal-lodged': 6,
  'custody.appeal-decided': 6.5,
  'custody.released': 7,
  'custody.handed-over': 7,
  // Given while held: before a release of the same instant.
  'custody.safeguard-requested': 6.7,
  'custody.safeguard-provided': 6.8,
  'custody.safeguard-delayed': 6.8,
  'custody.detention-place-recorded': 6.8,
  // After a handover of the same instant: an intent then came too late.
  'protection.asylum-intent-expressed': 8,
  'protection.referred-to-asylum-centre': 9,
  'protection.left-reception': 10,
  'case.criminal-complaint-filed': 1,
  'case.referred-to-prosecution': 2,
  'case.indictment-filed': 3,
};

/**
 * The standing facts in the order they happened: the opening first (it makes the file, even when
 * facts before it led to it), the closure last (nothing happens in a closed case), the rest by
 * time, then by step, then in the order recorded.
 */
export function chronology(history: readonly CaseEvent[]): CaseEvent[] {
  const facts = standingFacts(history);
  // The panel extends before the Supreme Court may (ZKP Art. 205(3)).
  const rank = (e: CaseEvent) =>
    (STEP_RANK[e.type] ?? 0) +
    (e.type === 'custody.remand-extended' && e.data.by === 'supreme-court' ? 0.25 : 0);
  const between = facts
    .filter((e) => e.type !== 'case.opened' && e.type !== 'case.closed')
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || rank(a) - rank(b));
  return [
    ...facts.filter((e) => e.type === 'case.opened'),
    ...between,
    ...facts.filter((e) => e.type === 'case.closed'),
  ];
}

/** The case its whole history makes: the standing facts folded in the order they happened. */
export function foldHistory(history: readonly CaseEvent[]): CaseState {
  const state = oneFold(() => chronology(history).reduce(applyFact, initialCaseState));
  return state.status === 'none' ? state : { ...state, history };
}

/**
 * The persons table of the fold under way. The states a fold passes through are never seen
 * outside it, so the fold adds each person to a table of its own in place, where a state seen
 * outside gets a new table for every change: copying the table at every fact would make a fold
 * quadratic in the persons of a case (a joint operation has hundreds). A table is changed in place only by the fold that made
 * it, and only until that fold returns.
 */
let building: { table: Record<string, PersonInCase> | undefined } | undefined;

/**
 * Within a fold, the case with a persons table that lays the fold's changes over the case's own
 * (read through, never changed): no copy of a long case's table for a fold that only judges new
 * facts on it. The table lists only what the fold changed, so its states are read by key only.
 */
export function overlaid(file: CaseFile): CaseFile {
  if (!building) throw new Error('an overlaid case is for a fold under way');
  building.table = Object.create(file.persons) as Record<string, PersonInCase>;
  return { ...file, persons: building.table };
}

/** Runs `fold` as one fold (see `building`): its states in between must stay inside it. */
export function oneFold<T>(fold: () => T): T {
  const outer = building;
  building = { table: undefined };
  try {
    return fold();
  } finally {
    building = outer;
  }
}

/** Folds one fact (never an amendment) into the case, as the next in time. */
export function applyFact(state: CaseState, event: CaseEvent): CaseState {
  if (event.type === 'case.opened') {
    const { data } = event;
    return {
      status: 'open',
      caseId: data.caseId,
      directorate: data.directorate,
      borderSection: data.borderSection,
      offence: data.offence,
      summary: data.summary,
      openedAt: event.occurredAt,
      jointOperations: [],
      complaintReferences: [],
      complaintFiledAt: null,
      referredAt: null,
      indictmentReferences: [],
      closedAt: null,
      persons: {},
      lastActAt: event.occurredAt,
      history: [],
    };
  }
  if (state.status === 'none') return state;
  const applied = applyToFile(state, event);
  return event.occurredAt > applied.lastActAt
    ? { ...applied, lastActAt: event.occurredAt }
    : applied;
}

function applyToFile(file: CaseFile, event: CaseEvent): CaseFile {
  const at = event.occurredAt;
  switch (event.type) {
    case 'case.details-amended':
      return { ...file, ...event.data.changes };
    case 'case.joint-operation-linked':
      return { ...file, jointOperations: [...file.jointOperations, event.data.operation.code] };
    case 'case.criminal-complaint-filed':
      return {
        ...file,
        complaintReferences: [...file.complaintReferences, event.data.reference],
        complaintFiledAt: file.complaintFiledAt ?? at,
      };
    case 'case.referred-to-prosecution':
      return { ...file, referredAt: at };
    case 'case.indictment-filed': {
      const indicted = updatePersons(file, event.data.defendantIds, (p) => ({
        ...p,
        indictedAt: p.indictedAt ?? at,
      }));
      return {
        ...indicted,
        indictmentReferences: [...file.indictmentReferences, event.data.reference],
      };
    }
    case 'case.closed':
      return { ...file, status: 'closed', closedAt: at };
    case 'person.suspect-arrested': {
      const { personId, nationality, slovenianCitizen } = event.data;
      const known = file.persons[personId];
      const person = known ?? newPerson(personId, 'suspect', at);
      return withPerson(
        file,
        withCustody(
          {
            ...person,
            // A new deprivation of liberty: its safeguards are owed afresh.
            ...(isHeld(person.custody)
              ? {}
              : { safeguards: {}, detentionPlace: null, court: null }),
            ...establishedNationality(known, nationality, at),
            slovenianCitizen: slovenianCitizen || (known?.slovenianCitizen ?? false),
          },
          { phase: 'arrested', deprivedAt: at },
        ),
      );
    }
    case 'person.migrant-apprehended': {
      const { personId, nationality, minor } = event.data;
      const known = file.persons[personId];
      return withPerson(
        file,
        withCustody(
          {
            ...(known ?? newPerson(personId, 'migrant', at)),
            ...establishedNationality(known, nationality, at),
            slovenianCitizen: (nationality ?? known?.nationality) === 'SI',
            minor,
            apprehensions: (known?.apprehensions ?? 0) + 1,
          },
          FREE,
        ),
      );
    }
    case 'person.identity-established':
      return updatePerson(file, event.data.personId, (p) => ({
        ...p,
        ...establishedNationality(p, event.data.nationality, at),
        // A suspect found to be a Slovenian national is a Slovenian citizen.
        slovenianCitizen: p.slovenianCitizen || event.data.nationality === 'SI',
      }));
    case 'custody.police-detention-started':
      return updatePerson(file, event.data.personId, (p) =>
        withCustody(p, {
          phase: 'police-detention',
          deprivedAt: p.custody.phase === 'arrested' ? p.custody.deprivedAt : at,
          detainedAt: at,
          decisionIssuedAt: null,
        }),
      );
    case 'custody.detention-decision-issued':
      return updatePerson(file, event.data.personId, (p) => {
        if (p.custody.phase === 'police-detention') {
          return { ...p, custody: { ...p.custody, decisionIssuedAt: at } };
        }
        // A decision on a detention whose start is not on record yet: held in it all the same.
        return p.custody.phase === 'arrested'
          ? missing(
              withCustody(p, {
                phase: 'police-detention',
                deprivedAt: p.custody.deprivedAt,
                detainedAt: p.custody.deprivedAt,
                decisionIssuedAt: at,
              }),
              'police-detention',
            )
          : p;
      });
    case 'custody.brought-before-judge':
      return updatePerson(file, event.data.personId, (p) =>
        withCustody(
          { ...p, court: event.data.court },
          {
            phase: 'before-judge',
            deprivedAt: 'deprivedAt' in p.custody ? p.custody.deprivedAt : at,
            broughtAt: at,
          },
        ),
      );
    case 'custody.remand-ordered':
      return updatePerson(file, event.data.personId, (p) =>
        withCustody(
          {
            ...(isInPoliceHands(p.custody) ? missing(p, 'hearing-before-judge') : p),
            court: event.data.court,
          },
          {
            phase: 'remand',
            // Remand counts from the deprivation of liberty that led to it (ZKP Art. 205(1)).
            deprivedAt: 'deprivedAt' in p.custody ? p.custody.deprivedAt : at,
            orderedAt: at,
            months: event.data.months,
            servedAt: null,
            panelExtended: false,
          },
        ),
      );
    case 'custody.remand-order-served':
      return updatePerson(file, event.data.personId, (p) =>
        p.custody.phase === 'remand'
          ? { ...p, custody: { ...p.custody, servedAt: at } }
          : missing(p, 'remand-order'),
      );
    case 'custody.remand-extended':
      return updatePerson(file, event.data.personId, (p) => {
        if (p.custody.phase !== 'remand') return missing(p, 'remand-order');
        const byPanel = event.data.by === 'out-of-trial-panel';
        const extended = {
          ...p,
          custody: {
            ...p.custody,
            months: p.custody.months + event.data.months,
            panelExtended: p.custody.panelExtended || byPanel,
          },
        };
        // The Supreme Court extends a remand the panel has extended (ZKP Art. 205(3)).
        return byPanel || p.custody.panelExtended ? extended : missing(extended, 'panel-extension');
      });
    case 'custody.released':
      return updatePerson(file, event.data.personId, (p) => withCustody(p, FREE));
    case 'custody.appeal-lodged':
      return updatePerson(file, event.data.personId, (p) => ({
        ...p,
        appeals: [...p.appeals, { against: event.data.against, lodgedAt: at, decidedAt: null }],
      }));
    case 'custody.appeal-decided':
      return updatePerson(file, event.data.personId, (p) => {
        const pending = pendingAppeal(p, event.data.against);
        return pending
          ? {
              ...p,
              appeals: p.appeals.map((a) => (a === pending ? { ...a, decidedAt: at } : a)),
            }
          : p;
      });
    case 'custody.handed-over':
      return updatePerson(file, event.data.personId, (p) =>
        withCustody(p, { phase: 'handed-over', at }),
      );
    case 'custody.safeguard-requested':
      return updateSafeguard(file, event.data.personId, event.data.safeguard, (s) => ({
        ...s,
        requestedAt: s.requestedAt ?? at,
      }));
    case 'custody.safeguard-provided':
      return updateSafeguard(file, event.data.personId, event.data.safeguard, (s) =>
        s.providedAt
          ? s
          : { ...s, providedAt: at, providedBy: event.data.by, detail: event.data.detail },
      );
    case 'custody.safeguard-delayed':
      return updateSafeguard(file, event.data.personId, event.data.safeguard, (s) => ({
        ...s,
        delayed: { at, reason: event.data.reason, authorisedBy: event.data.authorisedBy },
      }));
    case 'custody.detention-place-recorded':
      return updatePerson(file, event.data.personId, (p) => ({
        ...p,
        detentionPlace: event.data.facility,
      }));
    case 'protection.asylum-intent-expressed':
      return updatePerson(file, event.data.personId, (p) => ({
        ...p,
        // Said again while already referred, the person is still referred.
        protection: p.protection === 'referred' ? 'referred' : 'intent-expressed',
        protectionSince: at,
        asylumIntents: p.asylumIntents + 1,
      }));
    case 'protection.referred-to-asylum-centre':
      return updatePerson(file, event.data.personId, (p) => ({
        ...(p.protection === 'intent-expressed' ? p : missing(p, 'asylum-intent')),
        protection: 'referred',
        protectionSince: at,
      }));
    case 'protection.left-reception':
      return updatePerson(file, event.data.personId, (p) => ({
        ...(p.protection === 'referred' ? p : missing(p, 'asylum-referral')),
        protection: 'left-reception',
        protectionSince: at,
      }));
    case 'case.opened':
    case 'case.correction-recorded':
    case 'case.entry-withdrawn':
      return file;
  }
}

function newPerson(personId: string, role: PersonInCase['role'], at: Date): PersonInCase {
  return {
    personId,
    role,
    nationality: null,
    nationalityAt: null,
    slovenianCitizen: false,
    minor: false,
    recordedAt: at,
    apprehensions: 0,
    custody: FREE,
    remandMonthsBefore: 0,
    missingOnRecord: [],
    appeals: [],
    protection: 'none',
    protectionSince: null,
    asylumIntents: 0,
    indictedAt: null,
    safeguards: {},
    detentionPlace: null,
    court: null,
  };
}

/** The appeal of this kind lodged and not yet decided. */
export function pendingAppeal(person: PersonInCase, against: string): Appeal | undefined {
  return person.appeals.find((a) => a.against === against && a.decidedAt === null);
}

/** A nationality given by a fact replaces the one known; a fact that gives none keeps it. */
function establishedNationality(
  known: PersonInCase | undefined,
  nationality: Nationality,
  at: Date,
): Pick<PersonInCase, 'nationality' | 'nationalityAt'> {
  return nationality !== null
    ? { nationality, nationalityAt: at }
    : { nationality: known?.nationality ?? null, nationalityAt: known?.nationalityAt ?? null };
}

/** A step the law puts before a fact on record is not on record itself (yet). */
function missing(person: PersonInCase, step: MissingStep): PersonInCase {
  return person.missingOnRecord.includes(step)
    ? person
    : { ...person, missingOnRecord: [...person.missingOnRecord, step] };
}

/**
 * Moves the person to another custody phase. A remand that ends (by a release, or by anything
 * else that replaces it) adds the months ordered in it to those of earlier remands.
 */
function withCustody(person: PersonInCase, custody: Custody): PersonInCase {
  const endedRemandMonths = person.custody.phase === 'remand' ? person.custody.months : 0;
  return {
    ...person,
    custody,
    remandMonthsBefore: person.remandMonthsBefore + endedRemandMonths,
  };
}

const NOTHING_ON_RECORD: SafeguardRecord = {
  requestedAt: null,
  providedAt: null,
  providedBy: null,
  detail: null,
  delayed: null,
};

function updateSafeguard(
  file: CaseFile,
  personId: string,
  safeguard: Safeguard,
  update: (s: SafeguardRecord) => SafeguardRecord,
): CaseFile {
  return updatePerson(file, personId, (p) => ({
    ...p,
    safeguards: {
      ...p.safeguards,
      [safeguard]: update(p.safeguards[safeguard] ?? NOTHING_ON_RECORD),
    },
  }));
}

function withPerson(file: CaseFile, person: PersonInCase): CaseFile {
  if (building && building.table === file.persons) {
    building.table[person.personId] = person;
    return { ...file };
  }
  const persons = { ...file.persons, [person.personId]: person };
  if (building) building.table = persons;
  return { ...file, persons };
}

function updatePerson(
  file: CaseFile,
  personId: string,
  update: (p: PersonInCase) => PersonInCase,
): CaseFile {
  const person = file.persons[personId];
  return person ? withPerson(file, update(person)) : file;
}

function updatePersons(
  file: CaseFile,
  personIds: readonly string[],
  update: (p: PersonInCase) => PersonInCase,
): CaseFile {
  return personIds.reduce((f, id) => updatePerson(f, id, update), file);
}
