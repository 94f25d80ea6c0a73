import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { boundedText } from '../../../values/text';
import { REMAND_EXTENDERS, RemandExtended, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { custodyStep } from '../custody-step';
import { ExtendRemand } from './extend-remand.command';

export function extendRemand(command: ExtendRemand, state: CaseState, now: Date): RemandExtended[] {
  const { file, person } = custodyStep(command, state, now);
  const by = oneOf(REMAND_EXTENDERS, command.by, 'CUSTODY.INVALID_EXTENDER');
  // How far one extension may go depends on the indictment at its time: a history rule.
  if (!Number.isInteger(command.months) || command.months < 1) {
    throw new DomainError(
      'CUSTODY.EXTENSION_TOO_LONG',
      'An extension is a whole number of months.',
      {
        months: command.months,
      },
    );
  }
  return [
    caseEvent<RemandExtended>('custody.remand-extended', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      by,
      months: command.months,
      reference: boundedText(
        command.reference,
        RULES.shortTextMaxLength,
        'CUSTODY.INVALID_REFERENCE',
        'The reference',
      ),
    }),
  ];
}
