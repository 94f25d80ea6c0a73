import { RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { optionalText } from '../../../values/text';
import { RELEASE_REASONS, ReleasedFromCustody, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { custodyStep } from '../custody-step';
import { ReleaseFromCustody } from './release-from-custody.command';

export function releaseFromCustody(
  command: ReleaseFromCustody,
  state: CaseState,
  now: Date,
): ReleasedFromCustody[] {
  const { file, person } = custodyStep(command, state, now);
  return [
    caseEvent<ReleasedFromCustody>('custody.released', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      reason: oneOf(RELEASE_REASONS, command.reason, 'CUSTODY.INVALID_RELEASE_REASON'),
      note: optionalText(command.note, RULES.noteMaxLength, 'CUSTODY.INVALID_NOTE', 'The note'),
    }),
  ];
}
