import { DomainError } from '../../../shared/domain-error';
import { RefusalCode } from '../../../shared/refusals';
import { CUSTODY_RULES, RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { boundedText } from '../../../values/text';
import { REMAND_GROUNDS, RemandOrdered, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { custodyStep } from '../custody-step';
import { OrderRemand } from './order-remand.command';

/**
 * Remand (pripor) on the prosecutor's proposal, on grounds of ZKP Art. 201, of someone held. The
 * judge orders it after hearing the suspect (ZKP Art. 202): a remand with no hearing on record
 * lists the hearing as missing until it is entered. Earlier remands in the case count towards
 * the ceiling (a history rule).
 */
export function orderRemand(command: OrderRemand, state: CaseState, now: Date): RemandOrdered[] {
  const { file, person } = custodyStep(command, state, now);
  const grounds = [...new Set(command.grounds)].map((g) =>
    oneOf(REMAND_GROUNDS, g, 'CUSTODY.INVALID_REMAND_GROUND'),
  );
  if (grounds.length === 0) {
    throw new DomainError(
      'CUSTODY.NO_REMAND_GROUNDS',
      'Remand needs at least one ground of ZKP Art. 201.',
    );
  }
  if (
    !Number.isInteger(command.months) ||
    command.months < 1 ||
    command.months > CUSTODY_RULES.remandInitialMaxMonths
  ) {
    throw new DomainError(
      'CUSTODY.REMAND_TOO_LONG',
      `The investigating judge orders remand for at most ${CUSTODY_RULES.remandInitialMaxMonths} month(s).`,
      {
        months: command.months,
      },
    );
  }
  const text = (raw: string, code: RefusalCode, what: string) =>
    boundedText(raw, RULES.shortTextMaxLength, code, what);
  return [
    caseEvent<RemandOrdered>('custody.remand-ordered', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      court: text(command.court, 'CUSTODY.INVALID_COURT', 'The court'),
      grounds,
      proposal: {
        prosecutorOffice: text(
          command.prosecutorOffice,
          'CUSTODY.INVALID_PROSECUTOR_OFFICE',
          'The prosecutor office',
        ),
        reference: text(
          command.proposalReference,
          'CUSTODY.INVALID_REFERENCE',
          'The proposal reference',
        ),
      },
      months: command.months,
    }),
  ];
}
