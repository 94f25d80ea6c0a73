import { JointOperationEvent, PartnerReportArea } from '../events';

/** What a decision needs of an operation's stream: which areas the partner reported already. */
export interface JointOperationState {
  readonly reportedAreas: readonly PartnerReportArea[];
}

export const initialJointOperationState: JointOperationState = { reportedAreas: [] };

export function evolveJointOperation(
  state: JointOperationState,
  event: JointOperationEvent,
): JointOperationState {
  switch (event.type) {
    case 'joint-operation.partner-figures-reported':
      return { reportedAreas: [...state.reportedAreas, event.data.area] };
  }
}

export function foldJointOperation(events: readonly JointOperationEvent[]): JointOperationState {
  return events.reduce(evolveJointOperation, initialJointOperationState);
}
