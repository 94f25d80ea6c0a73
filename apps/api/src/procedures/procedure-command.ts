import { ApprehendForeigners, ProcedureCommand } from '@app/domain';
import { AppendResult } from '@app/event-store';
import { AdmissionRequest, AdmittedPerson } from '@app/personal-data';
import { Command } from '@nestjs/cqrs';
import { CommandContext } from '../http/request-context';

/** A later fact about one procedure, as it travels on the command bus. */
export class ProcedureCommandMessage extends Command<AppendResult> {
  constructor(
    readonly command: ProcedureCommand,
    readonly context: CommandContext,
    readonly body: object,
  ) {
    super();
  }
}

/**
 * Linking a procedure to a smuggling case: the command is made once the case has said what
 * the person is in it (`roleInCase`), read in the transaction of the append.
 */
export class LinkProcedureMessage extends Command<AppendResult> {
  constructor(
    readonly procedureId: string,
    readonly caseId: string,
    readonly occurredAt: Date,
    readonly context: CommandContext,
    readonly body: object,
  ) {
    super();
  }
}

/**
 * One person or a group apprehended together: `build` makes the domain command once the
 * persons are known (registered, their personal data sealed). With a case named, every person
 * must be a migrant of it.
 */
export class ApprehendForeignersMessage extends Command<AppendResult> {
  constructor(
    readonly caseId: string | null,
    readonly persons: readonly AdmissionRequest[],
    readonly build: (persons: readonly AdmittedPerson[]) => ApprehendForeigners,
    readonly context: CommandContext,
    readonly body: object,
  ) {
    super();
  }
}
