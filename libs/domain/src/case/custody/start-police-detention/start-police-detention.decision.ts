import { PoliceDetentionStarted, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { custodyStep } from '../custody-step';
import { StartPoliceDetention } from './start-police-detention.command';

/** Police detention follows the arrest; its 48 hours count from the deprivation of liberty. */
export function startPoliceDetention(
  command: StartPoliceDetention,
  state: CaseState,
  now: Date,
): PoliceDetentionStarted[] {
  const { file, person } = custodyStep(command, state, now);
  return [
    caseEvent<PoliceDetentionStarted>('custody.police-detention-started', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
    }),
  ];
}
