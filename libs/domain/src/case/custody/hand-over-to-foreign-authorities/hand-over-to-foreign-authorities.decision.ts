import { assertNotInFuture } from '../../../shared/time';
import { RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { boundedText } from '../../../values/text';
import { HandedOverToForeignAuthorities, PARTNER_COUNTRIES, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase, requirePerson } from '../../state/guards';
import { HandOverToForeignAuthorities } from './hand-over-to-foreign-authorities.command';

/**
 * Readmission to a neighbouring state's authorities. Someone who has expressed the intent to
 * seek international protection cannot be returned while that intent stands (a history rule,
 * judged at the time of the handover).
 */
export function handOverToForeignAuthorities(
  command: HandOverToForeignAuthorities,
  state: CaseState,
  now: Date,
): HandedOverToForeignAuthorities[] {
  const file = requireOpenCase(state, command.caseId);
  const person = requirePerson(file, command.personId);
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
