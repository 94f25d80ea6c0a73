import { CaseCommand } from '@app/domain';
import { AppendResult, EventMetadata, Idempotency } from '@app/event-store';
import { Command } from '@nestjs/cqrs';

/** Any command on a case stream, as it travels on the command bus. */
export class CaseCommandMessage extends Command<AppendResult> {
  constructor(
    readonly command: CaseCommand,
    readonly metadata: EventMetadata,
    readonly idempotency?: Idempotency,
    /** From If-Match: the version the client decided on. */
    readonly expectedVersion?: number,
  ) {
    super();
  }
}
