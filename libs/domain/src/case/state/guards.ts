import { DomainError } from '../../shared/domain-error';
import { CaseFile, CaseState, PersonInCase } from './case.state';

/** Any case that exists, closed or not (corrections and withdrawals are allowed on closed cases). */
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
    throw new DomainError(
      'CASE.CLOSED',
      'The case is closed; only corrections and withdrawals can be recorded.',
      {
        caseId,
      },
    );
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
