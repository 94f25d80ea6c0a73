import { instant } from '../../shared/time';
import { CaseEvent, CorrectionRecorded } from '../events';
import { CaseFile, CaseState, PersonInCase, initialCaseState } from './case.state';
import { Custody, FREE } from './custody';

/**
 * Folds one event into the case. A correction rebuilds the whole file from its history with
 * the corrected facts, so that clocks and rules downstream follow the corrected times.
 */
export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  const history = state.status === 'none' ? [event] : [...state.history, event];
  if (event.type === 'case.correction-recorded') return foldHistory(history);
  const next = applyFact(state, event);
  return next.status === 'none' ? next : { ...next, history };
}

/** The events with every correction applied to the event it names (the latest correction wins). */
export function correctedFacts(history: readonly CaseEvent[]): CaseEvent[] {
  const replacements = new Map<string, CorrectionRecorded['data']['replacement']>();
  for (const event of history) {
    if (event.type === 'case.correction-recorded') {
      replacements.set(event.data.correctedEventId, event.data.replacement);
    }
  }
  return history
    .filter((event) => event.type !== 'case.correction-recorded')
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
 * The case its whole history makes, corrections applied: what evolving it event by event
 * gives, in time linear in its length (read models fold long cases on every change).
 */
export function foldHistory(history: readonly CaseEvent[]): CaseState {
  const state = correctedFacts(history).reduce(applyFact, initialCaseState);
  return state.status === 'none' ? state : { ...state, history };
}

/** Folds one fact (never a correction) into the case. */
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
  const file =
    event.occurredAt > applied.lastActAt ? { ...applied, lastActAt: event.occurredAt } : applied;
  const personId = custodyActPersonId(event);
  return personId
    ? updatePerson(file, personId, (p) => ({ ...p, lastCustodyActAt: event.occurredAt }))
    : file;
}

/** Arrests, apprehensions and custody acts form one sequence per person, in time order. */
export function custodyActPersonId(event: CaseEvent): string | null {
  return event.type === 'person.suspect-arrested' ||
    event.type === 'person.migrant-apprehended' ||
    event.type.startsWith('custody.')
    ? (event.data as { personId: string }).personId
    : null;
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
        complaintFiledAt: earliest(file.complaintFiledAt, at),
      };
    case 'case.referred-to-prosecution':
      return { ...file, referredAt: at };
    case 'case.indictment-filed': {
      const indicted = updatePersons(file, event.data.defendantIds, (p) => ({
        ...p,
        indictedAt: earliest(p.indictedAt, at),
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
      return withPerson(
        file,
        withCustody(
          {
            ...(known ?? newPerson(personId, 'suspect', at)),
            nationality: nationality ?? known?.nationality ?? null,
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
            nationality: nationality ?? known?.nationality ?? null,
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
        nationality: event.data.nationality ?? p.nationality,
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
      return updatePerson(file, event.data.personId, (p) =>
        p.custody.phase === 'police-detention'
          ? { ...p, custody: { ...p.custody, decisionIssuedAt: at } }
          : p,
      );
    case 'custody.brought-before-judge':
      return updatePerson(file, event.data.personId, (p) =>
        withCustody(p, {
          phase: 'before-judge',
          deprivedAt: 'deprivedAt' in p.custody ? p.custody.deprivedAt : at,
          broughtAt: at,
        }),
      );
    case 'custody.remand-ordered':
      return updatePerson(file, event.data.personId, (p) =>
        withCustody(p, {
          phase: 'remand',
          // Remand counts from the deprivation of liberty that led to it (ZKP Art. 205(1)).
          deprivedAt: 'deprivedAt' in p.custody ? p.custody.deprivedAt : at,
          orderedAt: at,
          months: event.data.months,
          servedAt: null,
        }),
      );
    case 'custody.remand-order-served':
      return updatePerson(file, event.data.personId, (p) =>
        p.custody.phase === 'remand' ? { ...p, custody: { ...p.custody, servedAt: at } } : p,
      );
    case 'custody.remand-extended':
      return updatePerson(file, event.data.personId, (p) =>
        p.custody.phase === 'remand'
          ? {
              ...p,
              custody: { ...p.custody, months: p.custody.months + event.data.months },
            }
          : p,
      );
    case 'custody.released':
      return updatePerson(file, event.data.personId, (p) => withCustody(p, FREE));
    case 'custody.handed-over':
      return updatePerson(file, event.data.personId, (p) =>
        withCustody(p, { phase: 'handed-over', at }),
      );
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
        ...p,
        protection: 'referred',
        protectionSince: at,
      }));
    case 'protection.left-reception':
      return updatePerson(file, event.data.personId, (p) => ({
        ...p,
        protection: 'left-reception',
        protectionSince: at,
      }));
    case 'case.opened':
    case 'case.correction-recorded':
      return file;
  }
}

function newPerson(personId: string, role: PersonInCase['role'], at: Date): PersonInCase {
  return {
    personId,
    role,
    nationality: null,
    slovenianCitizen: false,
    minor: false,
    recordedAt: at,
    apprehensions: 0,
    custody: FREE,
    remandMonthsBefore: 0,
    lastCustodyActAt: null,
    protection: 'none',
    protectionSince: null,
    asylumIntents: 0,
    indictedAt: null,
  };
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

/** Facts may be recorded late: the earliest time wins, whatever the order of recording. */
function earliest(known: Date | null, at: Date): Date {
  return known !== null && known.getTime() <= at.getTime() ? known : at;
}

function withPerson(file: CaseFile, person: PersonInCase): CaseFile {
  return { ...file, persons: { ...file.persons, [person.personId]: person } };
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
