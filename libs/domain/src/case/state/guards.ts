import { DomainError } from '../../shared/domain-error';
import { assertNotBefore, assertNotInFuture } from '../../shared/time';
import { CaseFile, CaseState, PersonInCase } from './case.state';

/** Any case that exists, closed or not (corrections are allowed on closed cases). */
export function requireCase(state: CaseState, caseId: string): CaseFile {
  if (state.status === 'none') {
    throw new DomainError('CASE.NOT_FOUND', 'No such case.', { caseId });
  }
  return state;
}

/** A case that can still be acted on: a closed case takes nothing but corrections. */
export function requireOpenCase(state: CaseState, caseId: string): CaseFile {
  const file = requireCase(state, caseId);
  if (file.status === 'closed') {
    throw new DomainError('CASE.CLOSED', 'The case is closed; only corrections can be recorded.', {
      caseId,
    });
  }
  return file;
}

export function requirePerson(file: CaseFile, personId: string): PersonInCase {
  const person = file.persons[personId];
  if (!person) {
    throw new DomainError('PERSON.NOT_IN_CASE', 'The person is not part of this case.', {
      personId,
    });
  }
  return person;
}

export function requireSuspect(file: CaseFile, personId: string): PersonInCase {
  const person = requirePerson(file, personId);
  if (person.role !== 'suspect') {
    throw new DomainError(
      'PERSON.NOT_A_SUSPECT',
      'Criminal custody and charges apply to suspects, not to apprehended migrants.',
      { personId },
    );
  }
  return person;
}

export function requireMigrant(file: CaseFile, personId: string): PersonInCase {
  const person = requirePerson(file, personId);
  if (person.role !== 'migrant') {
    throw new DomainError('PERSON.NOT_A_MIGRANT', 'This applies to apprehended migrants.', {
      personId,
    });
  }
  return person;
}

/** Not in the future, and not before the case was opened. */
export function assertCaseTime(file: CaseFile, at: Date, now: Date): void {
  assertNotInFuture(at, now);
  assertNotBefore(at, file.openedAt, 'TIME.BEFORE_CASE_OPENED', 'the opening of the case');
}

/** As for the case, and not before the person was arrested or apprehended in it. */
export function assertPersonTime(file: CaseFile, person: PersonInCase, at: Date, now: Date): void {
  assertCaseTime(file, at, now);
  assertNotBefore(
    at,
    person.recordedAt,
    'TIME.BEFORE_ARREST_OR_APPREHENSION',
    "the person's arrest or apprehension",
  );
}

/** A custody act (or a new arrest) cannot predate the previous one of the same person. */
export function assertCustodyTime(file: CaseFile, person: PersonInCase, at: Date, now: Date): void {
  assertPersonTime(file, person, at, now);
  if (person.lastCustodyActAt) {
    assertNotBefore(
      at,
      person.lastCustodyActAt,
      'TIME.BEFORE_PREVIOUS_CUSTODY_ACT',
      'the previous custody act',
    );
  }
}

/** A protection act cannot predate the previous one of the same person. */
export function assertProtectionTime(
  file: CaseFile,
  person: PersonInCase,
  at: Date,
  now: Date,
): void {
  assertPersonTime(file, person, at, now);
  if (person.protectionSince) {
    assertNotBefore(
      at,
      person.protectionSince,
      'TIME.BEFORE_PREVIOUS_PROTECTION_ACT',
      'the previous protection act',
    );
  }
}
