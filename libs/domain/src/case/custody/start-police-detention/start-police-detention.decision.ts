import { PoliceDetentionStarted, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { NOT_HELD, custodyStep } from '../custody-step';
import { StartPoliceDetention } from './start-police-detention.command';

/** Police detention follows the arrest; its 48 hours count from the deprivation of liberty. */
export function startPoliceDetention(
  command: StartPoliceDetention,
  state: CaseState,
  now: Date,
): PoliceDetentionStarted[] {
  const { file, person } = custodyStep(command, state, now, ['arrested'], (phase) =>
    phase === 'free' || phase === 'handed-over'
      ? NOT_HELD
      : ['CUSTODY.INVALID_STEP', `Police detention cannot start from ${phase}.`],
  );
  return [
    caseEvent<PoliceDetentionStarted>('custody.police-detention-started', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
    }),
  ];
}
