import { assertNotInFuture } from '../../../shared/time';
import { DomainError } from '../../../shared/domain-error';
import { RULES } from '../../../shared/rules';
import { boundedText } from '../../../values/text';
import { MigrantApprehended } from '../../events';
import { CaseState } from '../../state/case.state';
import { requireOpenCase } from '../../state/guards';
import { migrantApprehended } from '../apprehend-migrant/apprehend-migrant.decision';
import { ApprehendMigrantGroup } from './apprehend-migrant-group.command';

/** One event per person, all in one append: every migrant is counted, the group stays together. */
export function apprehendMigrantGroup(
  command: ApprehendMigrantGroup,
  state: CaseState,
  now: Date,
): MigrantApprehended[] {
  const file = requireOpenCase(state, command.caseId);
  assertNotInFuture(command.occurredAt, now);
  const size = command.migrants.length;
  if (size < 1 || size > RULES.migrantGroupMaxSize) {
    throw new DomainError(
      'PERSON.INVALID_GROUP_SIZE',
      `A group has 1 to ${RULES.migrantGroupMaxSize} migrants.`,
    );
  }
  if (new Set(command.migrants.map((m) => m.personId)).size !== size) {
    throw new DomainError(
      'PERSON.DUPLICATE_IN_GROUP',
      'The same person is listed twice in the group.',
    );
  }
  const place = boundedText(
    command.place,
    RULES.shortTextMaxLength,
    'PERSON.INVALID_PLACE',
    'The place',
  );
  return command.migrants.map((migrant) =>
    migrantApprehended(file, migrant, command.occurredAt, place, command.groupId),
  );
}
