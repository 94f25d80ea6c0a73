import { DomainError } from '../../shared/domain-error';
import { CaseEvent } from '../events';
import { CaseFile, CaseState, PersonInCase, initialCaseState } from './case.state';
import { remandExpiry } from './custody';
import { applyFact, custodyActPersonId } from './evolve';
import { remandBeyondCeiling } from './remand';

/**
 * The rules of a case's history, in one place. The time rules: nothing before the case was
 * opened or before the person was recorded in it; each person's custody acts, and their
 * protection acts, in time order; a referral not before the first complaint, an indictment not
 * before the referral, charges not before the arrest of those charged; a closure not before
 * anything recorded. And the rules that depend on when an act happened: no handover while an
 * intent to seek protection stands, no protection act once handed over, no extension of a
 * remand that has expired, no remand past its ceiling.
 * Every decision is checked against them, and so is every history a correction would make, so
 * that a correction cannot make a history no decision would have accepted.
 */
export function chronologyBreak(
  facts: readonly CaseEvent[],
): { event: CaseEvent; code: string } | null {
  let state: CaseState = initialCaseState;
  for (const event of facts) {
    if (state.status !== 'none') {
      const code = brokenTimeRule(state, event);
      if (code) return { event, code };
    }
    state = applyFact(state, event);
  }
  return null;
}

/** Refuses decided events that break the time rules of the case they are added to. */
export function assertInTimeOrder(state: CaseState, events: readonly CaseEvent[]): void {
  let current = state;
  for (const event of events) {
    if (current.status !== 'none' && event.type !== 'case.correction-recorded') {
      const code = brokenTimeRule(current, event);
      if (code) {
        throw new DomainError(code, HISTORY_RULES[code], {
          occurredAt: event.occurredAt.toISOString(),
        });
      }
    }
    current = applyFact(current, event);
  }
}

/** The codes `brokenTimeRule` gives, with the message of a refused decision. */
const HISTORY_RULES: Record<string, string> = {
  'TIME.BEFORE_CASE_OPENED': 'The time lies before the opening of the case.',
  'TIME.BEFORE_ARREST_OR_APPREHENSION': "The time lies before the person's arrest or apprehension.",
  'TIME.BEFORE_PREVIOUS_CUSTODY_ACT': 'The time lies before the previous custody act.',
  'TIME.BEFORE_PREVIOUS_PROTECTION_ACT': 'The time lies before the previous protection act.',
  'TIME.BEFORE_COMPLAINT': 'A referral cannot predate the criminal complaint.',
  'TIME.BEFORE_REFERRAL': 'An indictment cannot predate the referral to prosecution.',
  'TIME.BEFORE_LAST_RECORDED_ACT': 'A closure cannot predate what is recorded in the case.',
  'ASYLUM.CANNOT_RETURN':
    'The intent to apply for international protection stood at the time of the handover.',
  'PERSON.HANDED_OVER':
    'The person had been handed over to foreign authorities by the time of this act.',
  'CUSTODY.REMAND_EXPIRED': 'The remand had expired before this extension.',
  'CUSTODY.EXTENSION_BEYOND_CEILING':
    'The extension takes the remand of the person in this case past its ceiling.',
  'CUSTODY.REMAND_CEILING_REACHED':
    'With earlier remands in this case, the remand would exceed its ceiling.',
};

/**
 * The rule `event` breaks when added to `file` as it stood, or null. Each rule is judged at the
 * time of the act, against the facts recorded before it.
 */
function brokenTimeRule(file: CaseFile, event: CaseEvent): string | null {
  const at = event.occurredAt.getTime();
  const before = (earliest: Date | null) => earliest !== null && at < earliest.getTime();
  if (before(file.openedAt)) return 'TIME.BEFORE_CASE_OPENED';
  switch (event.type) {
    case 'case.closed':
      return before(file.lastActAt) ? 'TIME.BEFORE_LAST_RECORDED_ACT' : null;
    case 'case.referred-to-prosecution':
      return before(file.complaintFiledAt) ? 'TIME.BEFORE_COMPLAINT' : null;
    case 'case.indictment-filed':
      if (before(file.referredAt)) return 'TIME.BEFORE_REFERRAL';
      return chargedBeforeRecorded(file, event.data.defendantIds, before);
    case 'case.criminal-complaint-filed':
      return chargedBeforeRecorded(file, event.data.suspectIds, before);
  }
  const personId = (event.data as { personId?: unknown }).personId;
  const person = typeof personId === 'string' ? file.persons[personId] : undefined;
  if (!person) return null;
  if (before(person.recordedAt)) return 'TIME.BEFORE_ARREST_OR_APPREHENSION';
  if (custodyActPersonId(event) && before(person.lastCustodyActAt))
    return 'TIME.BEFORE_PREVIOUS_CUSTODY_ACT';
  if (event.type.startsWith('protection.') && before(person.protectionSince)) {
    return 'TIME.BEFORE_PREVIOUS_PROTECTION_ACT';
  }
  return brokenCustodyOrProtectionRule(person, event);
}

function brokenCustodyOrProtectionRule(person: PersonInCase, event: CaseEvent): string | null {
  const at = event.occurredAt.getTime();
  const { custody } = person;
  switch (event.type) {
    case 'custody.handed-over':
      // An intent that stands bars a return; leaving reception lifts the bar only from then on.
      if (person.protection === 'intent-expressed' || person.protection === 'referred') {
        return 'ASYLUM.CANNOT_RETURN';
      }
      return person.protection !== 'none' &&
        person.protectionSince !== null &&
        at < person.protectionSince.getTime()
        ? 'ASYLUM.CANNOT_RETURN'
        : null;
    case 'custody.remand-extended':
      if (custody.phase !== 'remand') return null;
      if (at > remandExpiry(custody).getTime()) return 'CUSTODY.REMAND_EXPIRED';
      return remandBeyondCeiling(person, event.occurredAt, event.data.months, event.data.by)
        ? 'CUSTODY.EXTENSION_BEYOND_CEILING'
        : null;
    case 'custody.remand-ordered':
      return remandBeyondCeiling(person, event.occurredAt, event.data.months, 'investigating-judge')
        ? 'CUSTODY.REMAND_CEILING_REACHED'
        : null;
  }
  // A protection act dated before the handover is a true fact recorded late, and stands.
  if (
    event.type.startsWith('protection.') &&
    custody.phase === 'handed-over' &&
    at >= custody.at.getTime()
  ) {
    return 'PERSON.HANDED_OVER';
  }
  return null;
}

function chargedBeforeRecorded(
  file: CaseFile,
  personIds: readonly string[],
  before: (earliest: Date | null) => boolean,
): string | null {
  return personIds.some((id) => before(file.persons[id]?.recordedAt ?? null))
    ? 'TIME.BEFORE_ARREST_OR_APPREHENSION'
    : null;
}
