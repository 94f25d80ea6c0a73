import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { boundedText } from '../../../values/text';
import { REMAND_EXTENDERS, RemandExtended, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { remandExpiry } from '../../state/custody';
import { isIndictedAt, remandBeyondCeiling, remandLimits } from '../../state/remand';
import { custodyStep } from '../custody-step';
import { ExtendRemand } from './extend-remand.command';

export function extendRemand(command: ExtendRemand, state: CaseState, now: Date): RemandExtended[] {
  const { file, person, custody } = custodyStep(command, state, now, ['remand'], () => [
    'CUSTODY.NOT_ON_REMAND',
    'Only a running remand can be extended.',
  ]);
  const expiry = remandExpiry(custody);
  if (command.occurredAt.getTime() > expiry.getTime()) {
    throw new DomainError(
      'CUSTODY.REMAND_EXPIRED',
      'The remand had expired before this extension.',
      {
        expiredAt: expiry.toISOString(),
      },
    );
  }
  const by = oneOf(REMAND_EXTENDERS, command.by, 'CUSTODY.INVALID_EXTENDER');
  // Indicted or not when the extension was decided, whenever the indictment was recorded.
  const { perExtension } = remandLimits(by, isIndictedAt(person, command.occurredAt));
  if (!Number.isInteger(command.months) || command.months < 1 || command.months > perExtension) {
    throw new DomainError(
      'CUSTODY.EXTENSION_TOO_LONG',
      `One extension by the ${by} is 1 to ${perExtension} month(s).`,
      {
        months: command.months,
      },
    );
  }
  // The ceiling is on all the remand of the person in the case, earlier remands included.
  const breach = remandBeyondCeiling(person, command.occurredAt, command.months, by);
  if (breach) {
    throw new DomainError(
      'CUSTODY.EXTENSION_BEYOND_CEILING',
      `Remand may not exceed ${breach.ceilingMonths} months in all here.`,
      { ...breach },
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
