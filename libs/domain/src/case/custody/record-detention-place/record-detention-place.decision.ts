import { RULES } from '../../../shared/rules';
import { boundedText } from '../../../values/text';
import { DetentionPlaceRecorded, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { custodyStep } from '../custody-step';
import { RecordDetentionPlace } from './record-detention-place.command';

/** Where to call about a person held: recorded at each move, the latest in time stands. */
export function recordDetentionPlace(
  command: RecordDetentionPlace,
  state: CaseState,
  now: Date,
): DetentionPlaceRecorded[] {
  const { file, person } = custodyStep(command, state, now);
  return [
    caseEvent<DetentionPlaceRecorded>('custody.detention-place-recorded', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      facility: boundedText(
        command.facility,
        RULES.shortTextMaxLength,
        'CUSTODY.INVALID_FACILITY',
        'The facility',
      ),
    }),
  ];
}
