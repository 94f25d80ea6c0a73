import { DomainError } from '../../shared/domain-error';
import { RefusalCode } from '../../shared/refusals';
import { CUSTODY_RULES } from '../../shared/rules';
import { CaseEvent, RemandExtended } from '../events';
import { CaseFile, CaseState, PersonInCase, initialCaseState } from './case.state';
import { Custody, isHeld, isInPoliceHands, remandExpiry } from './custody';
import { applyFact, chronology, isAmendment, oneFold, overlaid, pendingAppeal } from './evolve';
import { isIndictedAt, remandBeyondCeiling, remandLimits } from './remand';

/**
 * The rules of a case's history, in one place. Every entry (a fact recorded late, a correction,
 * a withdrawal) is judged by the chronology it would make, not by the order things were entered
 * in: each fact in time order against the case as it stood just before it.
 *
 * A fact that contradicts the record is refused: a step from a phase it cannot follow, a second
 * remand over a running one, a return while an intent to seek protection stands, a remand past
 * its ceiling. A step whose predecessor is simply not on record yet (a remand with no hearing
 * before the judge entered, a referral with no intent) is accepted, and the case lists what is
 * missing (`missingOnRecord`) until it is entered, with its true time.
 */
export interface HistoryBreak {
  readonly event: CaseEvent;
  readonly code: RefusalCode;
  readonly details: Readonly<Record<string, unknown>>;
}

/** Every fact of the history that breaks a rule, in time order. */
export function historyBreaks(history: readonly CaseEvent[]): HistoryBreak[] {
  return breaksFrom(() => initialCaseState, chronology(history));
}

/** The breaks of `facts`, in time order, judged one by one from the state `from` makes on. */
function breaksFrom(from: () => CaseState, facts: readonly CaseEvent[]): HistoryBreak[] {
  const recorded = new Set(
    facts.flatMap((e) =>
      e.type === 'person.suspect-arrested' || e.type === 'person.migrant-apprehended'
        ? [e.data.personId]
        : [],
    ),
  );
  const breaks: HistoryBreak[] = [];
  oneFold(() => {
    let state = from();
    for (const [i, event] of facts.entries()) {
      if (state.status !== 'none') {
        const broken = brokenRule(state, event, { recorded, facts, index: i });
        if (broken) breaks.push({ event, ...broken });
      }
      state = applyFact(state, event);
    }
  });
  return breaks;
}

/**
 * Refuses entries that would break a rule the history kept before them. A history recorded under
 * older rules may already break one: that is not held against a new entry, which is refused
 * only for what it breaks itself, or for a later fact it would make unlawful.
 */
export function assertLawfulAddition(state: CaseState, entries: readonly CaseEvent[]): void {
  if (state.status === 'none') return;
  const pending = entries.map((e, i) => ({ ...e, eventId: e.eventId ?? `pending-${i}` }));
  const amendment = entries.find(isAmendment);
  const fresh = latestNewsBreaks(state, pending) ?? wholeHistoryBreaks(state, pending);
  // What the entry breaks itself says most; then the earliest fact it makes unlawful.
  const broken = fresh.find((b) => pending.some((e) => e.eventId === b.event.eventId)) ?? fresh[0];
  if (!broken) return;
  if (amendment) {
    const code =
      amendment.type === 'case.entry-withdrawn'
        ? 'WITHDRAWAL.BREAKS_CHRONOLOGY'
        : 'CORRECTION.BREAKS_CHRONOLOGY';
    throw new DomainError(code, `The history would then break a rule: ${ruleText(broken.code)}`, {
      rule: broken.code,
      eventId: broken.event.eventId ?? null,
      eventType: broken.event.type,
    });
  }
  const own = pending.find((e) => e.eventId === broken.event.eventId);
  if (own) throw new DomainError(broken.code, ruleText(broken.code), broken.details);
  const personId = personOf(broken.event);
  if (personId && pending.some((e) => isCustodyAct(e) && personOf(e) === personId)) {
    // The new custody act is dated before one on record that the law puts after it.
    throw new DomainError(
      'TIME.BEFORE_PREVIOUS_CUSTODY_ACT',
      'The time is out of the order the law puts this custody act and one on record in.',
      { personId, before: broken.event.type, eventId: broken.event.eventId ?? null },
    );
  }
  throw new DomainError(
    'HISTORY.BREAKS_LATER_FACT',
    `A fact on record would then break a rule: ${ruleText(broken.code)}`,
    { rule: broken.code, eventId: broken.event.eventId ?? null, eventType: broken.event.type },
  );
}

/** The breaks the entries add to the history: the whole history judged again, less what it held. */
export function wholeHistoryBreaks(file: CaseFile, pending: readonly CaseEvent[]): HistoryBreak[] {
  const known = knownBreaks(file);
  const amended = pending.some(isAmendment);
  return historyBreaks([...file.history, ...pending]).filter(
    (b) => !known.has(breakKey(b)) && (amended || !revealsBreach(b, pending)),
  );
}

/**
 * The same, for the common addition that is the case's latest news: facts each dated after
 * everything on record, about persons nothing on record names (one more migrant of a joint
 * operation). A rule judges a fact by the case before it and by the later facts of its own
 * person, so no fact on record is judged otherwise, and the new facts are judged on the case as
 * it stands: the cost is that of the addition, not of the history. Undefined for any other.
 */
export function latestNewsBreaks(
  file: CaseFile,
  pending: readonly CaseEvent[],
): HistoryBreak[] | undefined {
  if (file.status !== 'open') return undefined;
  const newcomers = new Set<string>();
  for (const event of pending) {
    const personId = personOf(event);
    if (
      personId === undefined ||
      isAmendment(event) ||
      event.occurredAt.getTime() <= file.lastActAt.getTime()
    ) {
      return undefined;
    }
    newcomers.add(personId);
  }
  if (file.history.some((e) => newcomers.has(personOf(e) ?? ''))) return undefined;
  // Judged by key only (no closure among them): the case's own persons table is read through.
  return breaksFrom(() => overlaid(file), chronology(pending));
}

const breakKey = (b: HistoryBreak) => `${b.event.eventId}:${b.code}`;

/**
 * The breaks a case's history already holds, once per state: a command that names persons
 * decides up to three times on the same loaded case.
 */
const knownByState = new WeakMap<CaseFile, ReadonlySet<string>>();
function knownBreaks(file: CaseFile): ReadonlySet<string> {
  let known = knownByState.get(file);
  if (!known) {
    known = new Set(historyBreaks(file.history).map(breakKey));
    knownByState.set(file, known);
  }
  return known;
}

const personOf = (event: CaseEvent) => (event.data as { personId?: string }).personId;

const isCustodyAct = (event: CaseEvent) =>
  event.type.startsWith('custody.') || event.type === 'person.suspect-arrested';

/**
 * A true fact entered late may show that an act on record was unlawful when it was done: an
 * intent to seek protection expressed before a return. The fact is recorded, and the unlawful
 * act stays in the history as a breach (`historyBreaks`), never hidden by refusing the fact.
 */
const BREACHES = new Set<RefusalCode>(['ASYLUM.CANNOT_RETURN']);

function revealsBreach(broken: HistoryBreak, pending: readonly CaseEvent[]): boolean {
  return BREACHES.has(broken.code) && !pending.some((e) => e.eventId === broken.event.eventId);
}

/** The rules a fact can break, with what a refusal says. */
export const HISTORY_RULES: Readonly<Partial<Record<RefusalCode, string>>> = {
  'TIME.BEFORE_ARREST_OR_APPREHENSION': "The time lies before the person's arrest or apprehension.",
  'TIME.BEFORE_COMPLAINT': 'A referral cannot predate the criminal complaint.',
  'TIME.BEFORE_REFERRAL': 'An indictment cannot predate the referral to prosecution.',
  'TIME.BEFORE_LAST_RECORDED_ACT': 'A closure cannot predate what is recorded in the case.',
  'TIME.BEFORE_PREVIOUS_CUSTODY_ACT':
    'The time lies before a custody act on record that the law puts before this one.',
  'PERSON.NOT_IN_CASE': 'The person is not part of this case.',
  'CASE.PERSONS_HELD': 'The case cannot be closed while persons are held in it.',
  'CUSTODY.ALREADY_HELD': 'The suspect was already held in this case then.',
  'CUSTODY.NOT_HELD': 'The person was not held in this case then.',
  'CUSTODY.INVALID_STEP': 'Police detention cannot start from the phase the suspect was in then.',
  'CUSTODY.NOT_IN_POLICE_DETENTION':
    'A detention decision is issued for a suspect in police detention.',
  'CUSTODY.DECISION_ALREADY_ISSUED': 'The detention decision had already been issued.',
  'CUSTODY.NOT_IN_POLICE_CUSTODY': 'The suspect was no longer held by the police then.',
  'CUSTODY.ALREADY_ON_REMAND': 'The suspect was already on remand then; extend it instead.',
  'CUSTODY.REMAND_WITHOUT_ARREST':
    'Remand is ordered for a suspect who has been arrested and is held.',
  'CUSTODY.REMAND_CEILING_REACHED':
    'With earlier remands in this case, the remand would exceed its ceiling.',
  'CUSTODY.NOT_ON_REMAND': 'The suspect was not on remand then.',
  'CUSTODY.REMAND_ORDER_ALREADY_SERVED': 'The remand order had already been served.',
  'CUSTODY.REMAND_EXPIRED': 'The remand had expired before this extension.',
  'CUSTODY.EXTENSION_TOO_LONG': 'The extension is longer than one extension by this court may be.',
  'CUSTODY.EXTENSION_BEYOND_CEILING':
    'The extension takes the remand of the person in this case past its ceiling.',
  'CUSTODY.SUPREME_COURT_NOT_AVAILABLE':
    'The Supreme Court extends remand only for offences punishable by more than five years.',
  'CUSTODY.APPEAL_PENDING': 'An appeal against the same decision was pending then.',
  'CUSTODY.NOTHING_TO_APPEAL':
    'No detention decision (or remand order) on record was in force then to appeal against.',
  'CUSTODY.NO_APPEAL_PENDING': 'No appeal against that decision was pending then.',
  'CUSTODY.ALREADY_HANDED_OVER': 'The person had already been handed over.',
  'CUSTODY.HELD_IN_CRIMINAL_CUSTODY':
    'A person held in criminal custody is released before a handover or a referral.',
  'PERSON.SLOVENIAN_CITIZEN':
    'A Slovenian citizen is neither handed over under readmission nor applies for protection.',
  'ASYLUM.CANNOT_RETURN':
    'The intent to apply for international protection stood at the time of the handover.',
  'PERSON.HANDED_OVER':
    'The person had been handed over to foreign authorities by the time of this act.',
  'ASYLUM.ALREADY_REFERRED': 'The person had already been referred.',
  'ASYLUM.NOT_REFERRED': 'The person had left reception already, with no referral since.',
};

const ruleText = (code: RefusalCode) => HISTORY_RULES[code] ?? code;

type Broken = Omit<HistoryBreak, 'event'> | null;
const rule = (code: RefusalCode, details: Record<string, unknown> = {}): Broken => ({
  code,
  details,
});

/** What a rule may need beyond the case as it stood: who is in the case at all, what came after. */
interface Surroundings {
  readonly recorded: ReadonlySet<string>;
  /** The whole chronology, and where the fact judged stands in it. */
  readonly facts: readonly CaseEvent[];
  readonly index: number;
}

/** The rule `event` breaks, judged at its time against the case as it stood just before it. */
function brokenRule(file: CaseFile, event: CaseEvent, surroundings: Surroundings): Broken {
  const { recorded } = surroundings;
  switch (event.type) {
    case 'case.closed': {
      if (event.occurredAt < file.lastActAt) return rule('TIME.BEFORE_LAST_RECORDED_ACT');
      const held = Object.values(file.persons).filter((p) => isHeld(p.custody));
      return held.length > 0 ? rule('CASE.PERSONS_HELD', { personIds: ids(held) }) : null;
    }
    case 'case.criminal-complaint-filed':
      return notYetRecorded(file, event.data.suspectIds);
    case 'case.referred-to-prosecution':
      return file.complaintFiledAt === null ? rule('TIME.BEFORE_COMPLAINT') : null;
    case 'case.indictment-filed':
      return file.referredAt === null
        ? rule('TIME.BEFORE_REFERRAL')
        : notYetRecorded(file, event.data.defendantIds);
  }
  const personId = personOf(event);
  if (personId === undefined) return null;
  const person = file.persons[personId];
  if (event.type === 'person.suspect-arrested') {
    return person && isHeld(person.custody) ? rule('CUSTODY.ALREADY_HELD', { personId }) : null;
  }
  if (event.type === 'person.migrant-apprehended') return null;
  if (!person) {
    return recorded.has(personId)
      ? rule('TIME.BEFORE_ARREST_OR_APPREHENSION', { personId })
      : rule('PERSON.NOT_IN_CASE', { personId });
  }
  const broken =
    predecessorLater(person, event, surroundings) ??
    (event.type.startsWith('custody.')
      ? brokenCustodyRule(file, person, event)
      : brokenProtectionRule(person, event));
  return broken && { code: broken.code, details: { personId, ...broken.details } };
}

/**
 * A custody step may go on record before the step the law puts before it, which then shows as
 * missing; but when that step is on record, dated after this one in the same deprivation of
 * liberty, the two are out of time order. (Not so for protection: an intent expressed after a
 * referral is an intent said again, not the referral's missing predecessor.)
 */
function predecessorLater(
  person: PersonInCase,
  event: CaseEvent,
  { facts, index }: Surroundings,
): Broken {
  const expected = expectedBefore(person, event);
  if (!expected) return null;
  const { type, until, code } = expected;
  for (let i = index + 1; i < facts.length; i++) {
    const next = facts[i];
    if (personOf(next) !== person.personId) continue;
    if (next.type === type) return rule(code, { before: type });
    if (until.includes(next.type)) return null;
  }
  return null;
}

const CUSTODY_ENDS = ['custody.released', 'custody.handed-over', 'person.suspect-arrested'];

function expectedBefore(
  person: PersonInCase,
  event: CaseEvent,
): { type: string; until: readonly string[]; code: RefusalCode } | null {
  const custody = (type: string) => ({
    type,
    until: CUSTODY_ENDS,
    code: 'TIME.BEFORE_PREVIOUS_CUSTODY_ACT' as const,
  });
  const phase = person.custody.phase;
  switch (event.type) {
    case 'custody.detention-decision-issued':
      return phase === 'arrested' ? custody('custody.police-detention-started') : null;
    case 'custody.remand-ordered':
      return isInPoliceHands(person.custody) ? custody('custody.brought-before-judge') : null;
    case 'custody.remand-order-served':
    case 'custody.remand-extended':
      return isHeld(person.custody) && phase !== 'remand'
        ? custody('custody.remand-ordered')
        : null;
  }
  return null;
}

/**
 * A custody step follows the phases the law has: arrest, police detention, the judge, remand.
 * A step may skip a phase not on record yet, never go back to one or act on someone not held.
 */
function brokenCustodyRule(file: CaseFile, person: PersonInCase, event: CaseEvent): Broken {
  const { custody } = person;
  const phase = { phase: custody.phase };
  const notHeld = !isHeld(custody) ? rule('CUSTODY.NOT_HELD', phase) : null;
  switch (event.type) {
    case 'custody.police-detention-started':
      return custody.phase === 'arrested' ? null : (notHeld ?? rule('CUSTODY.INVALID_STEP', phase));
    case 'custody.detention-decision-issued':
      if (custody.phase === 'police-detention' && custody.decisionIssuedAt !== null) {
        return rule('CUSTODY.DECISION_ALREADY_ISSUED');
      }
      return isInPoliceHands(custody) ? null : rule('CUSTODY.NOT_IN_POLICE_DETENTION', phase);
    case 'custody.brought-before-judge':
      return isInPoliceHands(custody)
        ? null
        : (notHeld ?? rule('CUSTODY.NOT_IN_POLICE_CUSTODY', phase));
    case 'custody.remand-ordered': {
      if (custody.phase === 'remand') return rule('CUSTODY.ALREADY_ON_REMAND');
      if (!isHeld(custody)) return rule('CUSTODY.REMAND_WITHOUT_ARREST', phase);
      const breach = remandBeyondCeiling(
        person,
        event.occurredAt,
        event.data.months,
        'investigating-judge',
      );
      return breach && rule('CUSTODY.REMAND_CEILING_REACHED', { ...breach });
    }
    case 'custody.remand-order-served':
      if (custody.phase === 'remand' && custody.servedAt !== null) {
        return rule('CUSTODY.REMAND_ORDER_ALREADY_SERVED');
      }
      return isHeld(custody) ? null : rule('CUSTODY.NOT_ON_REMAND', phase);
    case 'custody.remand-extended':
      return brokenExtensionRule(file, person, custody, event);
    case 'custody.released':
    case 'custody.safeguard-requested':
    case 'custody.safeguard-provided':
    case 'custody.safeguard-delayed':
    case 'custody.detention-place-recorded':
      return notHeld;
    case 'custody.appeal-lodged': {
      if (pendingAppeal(person, event.data.against)) return rule('CUSTODY.APPEAL_PENDING');
      const appealable =
        event.data.against === 'detention-decision'
          ? custody.phase === 'police-detention' && custody.decisionIssuedAt !== null
          : custody.phase === 'remand';
      return appealable
        ? null
        : rule('CUSTODY.NOTHING_TO_APPEAL', { against: event.data.against, ...phase });
    }
    case 'custody.appeal-decided':
      return pendingAppeal(person, event.data.against)
        ? null
        : rule('CUSTODY.NO_APPEAL_PENDING', { against: event.data.against });
    case 'custody.handed-over':
      if (custody.phase === 'handed-over') return rule('CUSTODY.ALREADY_HANDED_OVER');
      if (isHeld(custody)) return rule('CUSTODY.HELD_IN_CRIMINAL_CUSTODY', phase);
      if (person.slovenianCitizen) return rule('PERSON.SLOVENIAN_CITIZEN');
      return person.protection === 'intent-expressed' || person.protection === 'referred'
        ? rule('ASYLUM.CANNOT_RETURN')
        : null;
  }
  return null;
}

function brokenExtensionRule(
  file: CaseFile,
  person: PersonInCase,
  custody: Custody,
  event: RemandExtended,
): Broken {
  const { by, months } = event.data;
  if (!isHeld(custody)) return rule('CUSTODY.NOT_ON_REMAND', { phase: custody.phase });
  const maxYears = CUSTODY_RULES.article308MaxPrisonYears[file.offence.paragraph] ?? 0;
  if (by === 'supreme-court' && maxYears <= CUSTODY_RULES.supremeCourtExtensionOffenceMinYears) {
    return rule('CUSTODY.SUPREME_COURT_NOT_AVAILABLE', {
      paragraph: file.offence.paragraph,
      maxPrisonYears: maxYears,
    });
  }
  // Indicted or not when the extension was decided, whenever the indictment was recorded.
  const { perExtension } = remandLimits(by, isIndictedAt(person, event.occurredAt));
  if (months > perExtension) return rule('CUSTODY.EXTENSION_TOO_LONG', { months, perExtension });
  // With the remand order not on record yet, there is nothing to measure the extension against.
  if (custody.phase !== 'remand') return null;
  const expiry = remandExpiry(custody);
  if (event.occurredAt.getTime() > expiry.getTime()) {
    return rule('CUSTODY.REMAND_EXPIRED', { expiredAt: expiry.toISOString() });
  }
  const breach = remandBeyondCeiling(person, event.occurredAt, months, by);
  return breach && rule('CUSTODY.EXTENSION_BEYOND_CEILING', { ...breach });
}

function brokenProtectionRule(person: PersonInCase, event: CaseEvent): Broken {
  if (!event.type.startsWith('protection.')) return null;
  if (person.custody.phase === 'handed-over') return rule('PERSON.HANDED_OVER');
  switch (event.type) {
    case 'protection.asylum-intent-expressed':
      return person.slovenianCitizen ? rule('PERSON.SLOVENIAN_CITIZEN') : null;
    case 'protection.referred-to-asylum-centre':
      if (person.protection === 'referred') return rule('ASYLUM.ALREADY_REFERRED');
      return isHeld(person.custody)
        ? rule('CUSTODY.HELD_IN_CRIMINAL_CUSTODY', { phase: person.custody.phase })
        : null;
    case 'protection.left-reception':
      return person.protection === 'left-reception' ? rule('ASYLUM.NOT_REFERRED') : null;
  }
  return null;
}

function notYetRecorded(file: CaseFile, personIds: readonly string[]): Broken {
  const missing = personIds.filter((id) => !file.persons[id]);
  return missing.length > 0
    ? rule('TIME.BEFORE_ARREST_OR_APPREHENSION', { personIds: missing })
    : null;
}

const ids = (persons: readonly PersonInCase[]) => persons.map((p) => p.personId);
