import { oneOf } from '../../../values/one-of';
import { APPEALABLE, AppealLodged, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { custodyStep } from '../custody-step';
import { LodgeAppeal } from './lodge-appeal.command';

/**
 * An appeal against the detention decision or the remand order starts a 48-hour clock for the
 * court to decide. Whether there was a decision in force to appeal is a history rule.
 */
export function lodgeAppeal(command: LodgeAppeal, state: CaseState, now: Date): AppealLodged[] {
  const { file, person } = custodyStep(command, state, now);
  return [
    caseEvent<AppealLodged>('custody.appeal-lodged', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
      against: oneOf(APPEALABLE, command.against, 'CUSTODY.INVALID_APPEAL'),
    }),
  ];
}
