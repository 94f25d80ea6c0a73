import { CASE_STREAM_TYPE, decideCase, evolveCase, initialCaseState } from '@app/domain';
import { AppendResult, CommandExecutor } from '@app/event-store';
import { Clock } from '@app/platform';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CaseCommandMessage } from './case-command';

/** Load the case stream, let the domain decide, append. Nothing else belongs here. */
@CommandHandler(CaseCommandMessage)
export class CaseCommandHandler implements ICommandHandler<CaseCommandMessage, AppendResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
  ) {}

  execute({ command, metadata, idempotency, expectedVersion }: CaseCommandMessage) {
    return this.executor.execute({
      streamId: command.caseId,
      streamType: CASE_STREAM_TYPE,
      initialState: initialCaseState,
      evolve: evolveCase,
      decide: (state) => decideCase(command, state, this.clock.now()),
      expectedVersion,
      metadata,
      idempotency,
    });
  }
}
