import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { Nationality, assertCitizenship } from '../../../values/nationality';
import { boundedText } from '../../../values/text';
import { SuspectArrested, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase } from '../../state/guards';
import { ArrestSuspect } from './arrest-suspect.command';

export function arrestSuspect(
  command: ArrestSuspect,
  state: CaseState,
  now: Date,
): SuspectArrested[] {
  const file = requireOpenCase(state, command.caseId);
  const known = file.persons[command.personId];
  assertNotInFuture(command.occurredAt, now);
  if (known?.role === 'migrant') {
    throw new DomainError(
      'PERSON.ROLE_CONFLICT',
      'The person is recorded in this case as an apprehended migrant.',
      {
        personId: command.personId,
      },
    );
  }
  const nationality = Nationality.from(command.nationality);
  assertCitizenship(nationality, command.slovenianCitizen);
  return [
    caseEvent<SuspectArrested>('person.suspect-arrested', command.occurredAt, {
      caseId: file.caseId,
      personId: command.personId,
      recognised: command.recognised,
      nationality,
      slovenianCitizen: command.slovenianCitizen,
      place: boundedText(
        command.place,
        RULES.shortTextMaxLength,
        'PERSON.INVALID_PLACE',
        'The place',
      ),
      personalData: command.personalData,
    }),
  ];
}
