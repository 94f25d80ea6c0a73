import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { Nationality, SLOVENIA } from '../../../values/nationality';
import { oneOf } from '../../../values/one-of';
import { IDENTIFICATION_METHODS, IdentityEstablished, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase, requirePerson } from '../../state/guards';
import { EstablishIdentity } from './establish-identity.command';

export function establishIdentity(
  command: EstablishIdentity,
  state: CaseState,
  now: Date,
): IdentityEstablished[] {
  const file = requireOpenCase(state, command.caseId);
  const person = requirePerson(file, command.personId);
  assertNotInFuture(command.occurredAt, now);
  if (command.nationality === null && command.personalData === null) {
    throw new DomainError(
      'PERSON.NOTHING_ESTABLISHED',
      'An identity establishes a nationality or personal data.',
    );
  }
  const nationality = Nationality.from(command.nationality);
  if (person.role === 'migrant' && nationality === SLOVENIA) {
    throw new DomainError(
      'PERSON.SLOVENIAN_NOT_MIGRANT',
      'A Slovenian national is not an apprehended migrant.',
      {
        personId: person.personId,
      },
    );
  }
  return [
    caseEvent<IdentityEstablished>('person.identity-established', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      method: oneOf(IDENTIFICATION_METHODS, command.method, 'PERSON.INVALID_IDENTIFICATION_METHOD'),
      nationality,
      personalData: command.personalData,
    }),
  ];
}
