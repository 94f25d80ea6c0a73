import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { Nationality, SLOVENIA } from '../../../values/nationality';
import { boundedText } from '../../../values/text';
import { MigrantApprehended, caseEvent } from '../../events';
import { CaseFile, CaseState } from '../../state/case.state';
import { requireOpenCase } from '../../state/guards';
import { ApprehendMigrant, MigrantToApprehend } from './apprehend-migrant.command';

/**
 * A migrant caught again, in this case or after leaving the Asylum Home, is apprehended again:
 * a repeat is a fact to count, not an error.
 */
export function apprehendMigrant(
  command: ApprehendMigrant,
  state: CaseState,
  now: Date,
): MigrantApprehended[] {
  const file = requireOpenCase(state, command.caseId);
  assertNotInFuture(command.occurredAt, now);
  const place = boundedText(
    command.place,
    RULES.shortTextMaxLength,
    'PERSON.INVALID_PLACE',
    'The place',
  );
  return [migrantApprehended(file, command, command.occurredAt, place, null)];
}

export function migrantApprehended(
  file: CaseFile,
  migrant: MigrantToApprehend,
  at: Date,
  place: string,
  groupId: string | null,
): MigrantApprehended {
  const known = file.persons[migrant.personId];
  if (known?.role === 'suspect') {
    throw new DomainError(
      'PERSON.ROLE_CONFLICT',
      'The person is recorded in this case as a suspect.',
      {
        personId: migrant.personId,
      },
    );
  }
  const nationality = Nationality.from(migrant.nationality);
  if (nationality === SLOVENIA) {
    throw new DomainError(
      'PERSON.SLOVENIAN_NOT_MIGRANT',
      'A Slovenian national is not an apprehended migrant.',
      {
        personId: migrant.personId,
      },
    );
  }
  return caseEvent<MigrantApprehended>('person.migrant-apprehended', at, {
    caseId: file.caseId,
    personId: migrant.personId,
    recognised: migrant.recognised,
    nationality,
    minor: migrant.minor,
    place,
    groupId,
    personalData: migrant.personalData,
  });
}
