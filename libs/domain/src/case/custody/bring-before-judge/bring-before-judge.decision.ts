import { RULES } from '../../../shared/rules';
import { boundedText } from '../../../values/text';
import { BroughtBeforeInvestigatingJudge, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { custodyStep } from '../custody-step';
import { BringBeforeJudge } from './bring-before-judge.command';

/** The police clock stops; the investigating judge's 48 hours start. */
export function bringBeforeJudge(
  command: BringBeforeJudge,
  state: CaseState,
  now: Date,
): BroughtBeforeInvestigatingJudge[] {
  const { file, person } = custodyStep(command, state, now);
  return [
    caseEvent<BroughtBeforeInvestigatingJudge>('custody.brought-before-judge', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      court: boundedText(
        command.court,
        RULES.shortTextMaxLength,
        'CUSTODY.INVALID_COURT',
        'The court',
      ),
    }),
  ];
}
