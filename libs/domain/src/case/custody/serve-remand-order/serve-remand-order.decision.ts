import { RemandOrderServed, caseEvent } from '../../events';
import { CaseState } from '../../state/case.state';
import { custodyStep } from '../custody-step';
import { ServeRemandOrder } from './serve-remand-order.command';

/** Due within 24 hours of the order; served later, it is recorded all the same and shows as late. */
export function serveRemandOrder(
  command: ServeRemandOrder,
  state: CaseState,
  now: Date,
): RemandOrderServed[] {
  const { file, person } = custodyStep(command, state, now);
  return [
    caseEvent<RemandOrderServed>('custody.remand-order-served', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
    }),
  ];
}
