import { RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { boundedText } from '../../../values/text';
import { APPEALABLE, APPEAL_OUTCOMES, AppealDecided, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { custodyStep } from '../custody-step';
import { DecideAppeal } from './decide-appeal.command';

/**
 * The court's decision on a pending appeal; decided after 48 hours, it is recorded all the same
 * and stays as a breach. A granted appeal is followed by the release, recorded as such.
 */
export function decideAppeal(command: DecideAppeal, state: CaseState, now: Date): AppealDecided[] {
  const { file, person } = custodyStep(command, state, now);
  return [
    caseEvent<AppealDecided>('custody.appeal-decided', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      against: oneOf(APPEALABLE, command.against, 'CUSTODY.INVALID_APPEAL'),
      outcome: oneOf(APPEAL_OUTCOMES, command.outcome, 'CUSTODY.INVALID_APPEAL_OUTCOME'),
      court: boundedText(
        command.court,
        RULES.shortTextMaxLength,
        'CUSTODY.INVALID_COURT',
        'The court',
      ),
    }),
  ];
}
