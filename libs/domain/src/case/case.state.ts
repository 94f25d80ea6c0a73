import { CaseEvent, CaseEventType } from './case.events';
import { Directorate } from './directorate';

export type CaseState =
  | { readonly status: 'none' }
  | {
      readonly status: 'open';
      readonly caseId: string;
      readonly directorate: Directorate;
      readonly openedAt: Date;
    };

export const initialCaseState: CaseState = { status: 'none' };

export function evolveCase(state: CaseState, event: CaseEvent): CaseState {
  switch (event.type) {
    case CaseEventType.CaseOpened:
      return {
        status: 'open',
        caseId: event.data.caseId,
        directorate: event.data.directorate,
        openedAt: event.occurredAt,
      };
    default:
      return state;
  }
}
