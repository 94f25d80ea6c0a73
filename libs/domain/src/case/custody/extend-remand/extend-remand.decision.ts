import { DomainError } from '../../../shared/domain-error';
import { CUSTODY_RULES, RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { boundedText } from '../../../values/text';
import { REMAND_EXTENDERS, RemandExtended, RemandExtender, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { remandExpiry } from '../../state/custody';
import { custodyStep } from '../custody-step';
import { ExtendRemand } from './extend-remand.command';

/** How far one extension may go, and the ceiling on the total, by who extends and whether the suspect is indicted. */
export function remandLimits(
  by: RemandExtender,
  indicted: boolean,
): { perExtension: number; ceiling: number } {
  const rules = CUSTODY_RULES;
  if (by === 'supreme-court') {
    return {
      perExtension: rules.remandSupremeCourtExtensionMaxMonths,
      ceiling: indicted
        ? rules.remandCeilingAfterIndictmentMonths
        : rules.remandSupremeCourtCeilingBeforeIndictmentMonths,
    };
  }
  return {
    perExtension: rules.remandPanelExtensionMaxMonths,
    ceiling: indicted
      ? rules.remandCeilingAfterIndictmentMonths
      : rules.remandCeilingBeforeIndictmentMonths,
  };
}

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
  const { perExtension, ceiling } = remandLimits(by, person.indicted);
  if (!Number.isInteger(command.months) || command.months < 1 || command.months > perExtension) {
    throw new DomainError(
      'CUSTODY.EXTENSION_TOO_LONG',
      `One extension by the ${by} is 1 to ${perExtension} month(s).`,
      {
        months: command.months,
      },
    );
  }
  const totalMonths = custody.months + command.months;
  if (totalMonths > ceiling) {
    throw new DomainError(
      'CUSTODY.EXTENSION_BEYOND_CEILING',
      `Remand may not exceed ${ceiling} months in all here.`,
      {
        totalMonths,
        ceilingMonths: ceiling,
        indicted: person.indicted,
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
