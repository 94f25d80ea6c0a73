import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { boundedText } from '../../../values/text';
import { HandedOverToForeignAuthorities, PARTNER_COUNTRIES, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { isHeld } from '../../state/custody';
import { requireOpenCase, requirePerson } from '../../state/guards';
import { HandOverToForeignAuthorities } from './hand-over-to-foreign-authorities.command';

/**
 * Readmission to a neighbouring state's authorities. Someone who has expressed the intent to
 * seek international protection cannot be returned while that intent stands.
 */
export function handOverToForeignAuthorities(
  command: HandOverToForeignAuthorities,
  state: CaseState,
  now: Date,
): HandedOverToForeignAuthorities[] {
  const file = requireOpenCase(state, command.caseId);
  const person = requirePerson(file, command.personId);
  const refuse = (code: string, message: string): never => {
    throw new DomainError(code, message, { personId: person.personId });
  };
  if (person.custody.phase === 'handed-over')
    refuse('CUSTODY.ALREADY_HANDED_OVER', 'The person has already been handed over.');
  if (isHeld(person.custody))
    refuse(
      'CUSTODY.HELD_IN_CRIMINAL_CUSTODY',
      'A person held in criminal custody is released before a handover.',
    );
  if (person.slovenianCitizen)
    refuse('PERSON.SLOVENIAN_CITIZEN', 'A Slovenian citizen is not handed over under readmission.');
  if (person.protection === 'intent-expressed' || person.protection === 'referred') {
    refuse(
      'ASYLUM.CANNOT_RETURN',
      'The person has expressed the intent to apply for international protection.',
    );
  }
  // Leaving reception lifts the bar only from then on; earlier, the intent still stood.
  if (person.protectionSince && command.occurredAt.getTime() < person.protectionSince.getTime()) {
    refuse(
      'ASYLUM.CANNOT_RETURN',
      'The person had not yet left reception at the time of the handover.',
    );
  }
  assertNotInFuture(command.occurredAt, now);
  return [
    caseEvent<HandedOverToForeignAuthorities>('custody.handed-over', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      country: oneOf(PARTNER_COUNTRIES, command.country, 'CUSTODY.INVALID_COUNTRY'),
      authority: boundedText(
        command.authority,
        RULES.shortTextMaxLength,
        'CUSTODY.INVALID_AUTHORITY',
        'The authority',
      ),
      legalBasis: oneOf(
        ['readmission-agreement', 'other'] as const,
        command.legalBasis,
        'CUSTODY.INVALID_LEGAL_BASIS',
      ),
    }),
  ];
}
