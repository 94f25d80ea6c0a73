import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { optionalText } from '../../../values/text';
import { AsylumIntentExpressed, INTENT_STATEMENTS, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase, requirePerson } from '../../state/guards';
import { ExpressAsylumIntent } from './express-asylum-intent.command';

/**
 * The intent may be expressed to any authority, and again after leaving reception: every
 * expression is recorded and counted.
 */
export function expressAsylumIntent(
  command: ExpressAsylumIntent,
  state: CaseState,
  now: Date,
): AsylumIntentExpressed[] {
  const file = requireOpenCase(state, command.caseId);
  const person = requirePerson(file, command.personId);
  assertNotInFuture(command.occurredAt, now);
  const expressedTo = oneOf(
    ['police', 'other-authority'] as const,
    command.expressedTo,
    'ASYLUM.INVALID_AUTHORITY',
  );
  const authority = optionalText(
    command.authority,
    RULES.shortTextMaxLength,
    'ASYLUM.INVALID_AUTHORITY',
    'The authority',
  );
  if (expressedTo === 'other-authority' && authority === null) {
    throw new DomainError(
      'ASYLUM.AUTHORITY_REQUIRED',
      'Name the authority the intent was expressed to.',
    );
  }
  return [
    caseEvent<AsylumIntentExpressed>('protection.asylum-intent-expressed', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      expressedTo,
      authority,
      statement: oneOf(INTENT_STATEMENTS, command.statement, 'ASYLUM.INVALID_STATEMENT'),
    }),
  ];
}
