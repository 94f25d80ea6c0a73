import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { oneOf } from '../../../values/one-of';
import { boundedText } from '../../../values/text';
import {
  JOINT_OPERATION_KINDS,
  JointOperationLinked,
  PARTNER_COUNTRIES,
  caseEvent,
} from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase } from '../../state/guards';
import { LinkJointOperation } from './link-joint-operation.command';

/** E.g. the mixed patrols with the Croatian police of 13-15 March 2024. */
export function linkJointOperation(
  command: LinkJointOperation,
  state: CaseState,
  now: Date,
): JointOperationLinked[] {
  const file = requireOpenCase(state, command.caseId);
  assertNotInFuture(command.occurredAt, now);
  const code = boundedText(
    command.code,
    RULES.shortTextMaxLength,
    'OPERATION.INVALID_CODE',
    'The operation code',
  );
  if (file.jointOperations.includes(code)) {
    throw new DomainError(
      'CASE.OPERATION_ALREADY_LINKED',
      'The case is already linked to this operation.',
      // Not `code`: that key of a problem response is the code of the refusal.
      { operationCode: code },
    );
  }
  if (!(command.from.getTime() <= command.to.getTime())) {
    throw new DomainError('OPERATION.INVALID_PERIOD', 'The operation must end after it starts.');
  }
  return [
    caseEvent<JointOperationLinked>('case.joint-operation-linked', command.occurredAt, {
      caseId: file.caseId,
      operation: {
        code,
        name: boundedText(
          command.name,
          RULES.shortTextMaxLength,
          'OPERATION.INVALID_NAME',
          'The operation name',
        ),
        partnerCountry: oneOf(
          PARTNER_COUNTRIES,
          command.partnerCountry,
          'OPERATION.INVALID_PARTNER',
        ),
        kind: oneOf(JOINT_OPERATION_KINDS, command.kind, 'OPERATION.INVALID_KIND'),
        from: command.from.toISOString(),
        to: command.to.toISOString(),
      },
    }),
  ];
}
