import { DomainError } from '../../../shared/domain-error';
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
  const { file, person, custody } = custodyStep(command, state, now, ['remand'], () => [
    'CUSTODY.NOT_ON_REMAND',
    'The suspect is not on remand.',
  ]);
  if (custody.servedAt) {
    throw new DomainError(
      'CUSTODY.REMAND_ORDER_ALREADY_SERVED',
      'The remand order has already been served.',
      {
        personId: person.personId,
      },
    );
  }
  return [
    caseEvent<RemandOrderServed>('custody.remand-order-served', command.occurredAt, {
      caseId: file.caseId,
      personId: person.personId,
    }),
  ];
}
