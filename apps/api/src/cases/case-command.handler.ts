import {
  CASE_STREAM_TYPE,
  CaseCommand,
  CaseState,
  decideCase,
  evolveCase,
  initialCaseState,
} from '@app/domain';
import { AppendResult, CommandExecutor } from '@app/event-store';
import { Identification, PersonIntake } from '@app/personal-data';
import { randomUUID } from 'node:crypto';
import { Clock } from '@app/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../http/request-context';
import { CaseCommandMessage, PersonCaseCommandMessage } from './case-command';

function caseStream(caseId: string, context: CommandContext, body: object) {
  return {
    streamId: caseId,
    streamType: CASE_STREAM_TYPE,
    initialState: initialCaseState,
    evolve: evolveCase,
    expectedVersion: context.expectedVersion,
    metadata: context.metadata,
    idempotency: context.idempotency(body),
  };
}

/** Load the case stream, let the domain decide, append. Nothing else belongs here. */
@CommandHandler(CaseCommandMessage)
export class CaseCommandHandler implements ICommandHandler<CaseCommandMessage, AppendResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
  ) {}

  execute({ command, context, body }: CaseCommandMessage) {
    return this.executor.execute({
      ...caseStream(command.caseId, context, body),
      decide: (state) => decideCase(command, state, this.clock.now()),
    });
  }
}

/**
 * As above, with the persons identified first. The domain decides on placeholders before the
 * register is asked (an unknown or closed case answers as such), and again on the identities
 * found, so that a refused command registers and seals nothing. Only then are the persons
 * admitted, and the decision is made with their sealed data.
 */
@CommandHandler(PersonCaseCommandMessage)
export class PersonCaseCommandHandler implements ICommandHandler<
  PersonCaseCommandMessage,
  AppendResult
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly intake: PersonIntake,
    private readonly clock: Clock,
  ) {}

  execute({ caseId, persons, build, context, body }: PersonCaseCommandMessage) {
    const now = this.clock.now();
    const decide = (state: CaseState, command: CaseCommand) => decideCase(command, state, now);
    return this.executor.execute({
      ...caseStream(caseId, context, body),
      prepare: async (state) => {
        const unsealed = (ids: Identification[]) => ids.map((p) => ({ ...p, personalData: null }));
        decide(
          state,
          build(
            unsealed(
              persons.map((p) => ({ personId: p.personId ?? randomUUID(), recognised: false })),
            ),
          ),
        );
        const identified = await Promise.all(persons.map((p) => this.intake.identify(p)));
        decide(state, build(unsealed(identified)));
        return Promise.all(persons.map((p, i) => this.intake.admit(identified[i], p)));
      },
      decide: (state, admitted) => decide(state, build(admitted)),
      answer: (admitted) => ({
        persons: admitted.map(({ personId, recognised }) => ({ personId, recognised })),
      }),
    });
  }
}
