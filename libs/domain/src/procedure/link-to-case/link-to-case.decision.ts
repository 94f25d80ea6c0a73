import { DomainError } from '../../shared/domain-error';
import { ProcedureLinkedToCase, procedureEvent } from '../events';
import { ProcedureState } from '../state/procedure.state';
import { procedureStep } from '../state/procedure-step';
import { LinkProcedureToCase, RoleInCase } from './link-to-case.command';

/** The person must be a migrant of the case: a smuggler is not an apprehended foreigner. */
function assertMigrantOfCase(roleInCase: RoleInCase, caseId: string, person?: number): void {
  const which = person === undefined ? {} : { person };
  if (roleInCase === 'absent') {
    throw new DomainError('PERSON.NOT_IN_CASE', 'The person is not a migrant of that case.', {
      caseId,
      ...which,
    });
  }
  if (roleInCase === 'suspect') {
    throw new DomainError('PERSON.ROLE_CONFLICT', 'The person is a suspect in that case.', {
      caseId,
      ...which,
    });
  }
}

/** Everyone of a group found in a case must be a migrant of it; a refusal names the person. */
export function assertMigrantsOfCase(rolesInCase: readonly RoleInCase[], caseId: string): void {
  rolesInCase.forEach((role, person) => assertMigrantOfCase(role, caseId, person));
}

/**
 * Links the procedure to the smuggling case the person was found in, so that the person is
 * counted once: as this procedure, not again as the case's migrant. One case per procedure.
 */
export function linkToCase(
  command: LinkProcedureToCase,
  state: ProcedureState,
  now: Date,
): ProcedureLinkedToCase[] {
  const procedure = procedureStep(command, state, now);
  if (procedure.caseId) {
    throw new DomainError(
      'PROCEDURE.ALREADY_LINKED',
      'The procedure is linked to a case already.',
      {
        caseId: procedure.caseId,
      },
    );
  }
  assertMigrantOfCase(command.roleInCase, command.caseId);
  return [
    procedureEvent<ProcedureLinkedToCase>('procedure.linked-to-case', command.occurredAt, {
      procedureId: procedure.procedureId,
      personId: procedure.personId,
      caseId: command.caseId,
    }),
  ];
}
