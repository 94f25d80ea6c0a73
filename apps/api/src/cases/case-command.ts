import { CaseCommand } from '@app/domain';
import { AppendResult } from '@app/event-store';
import { AdmissionRequest, AdmittedPerson } from '@app/personal-data';
import { Command, CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import { CommandContext } from '../http/request-context';
import { CommandAcceptedResponseDto } from './command-accepted.response.dto';

/** A command on a case stream, as it travels on the command bus. */
export class CaseCommandMessage extends Command<AppendResult> {
  constructor(
    readonly command: CaseCommand,
    readonly context: CommandContext,
    readonly body: object,
  ) {
    super();
  }
}

/**
 * A command about persons who must be identified first: `build` makes the domain command once
 * the persons are known (registered and their personal data sealed).
 */
export class PersonCaseCommandMessage extends Command<AppendResult> {
  constructor(
    readonly caseId: string,
    readonly persons: readonly AdmissionRequest[],
    readonly build: (persons: readonly AdmittedPerson[]) => CaseCommand,
    readonly context: CommandContext,
    readonly body: object,
  ) {
    super();
  }
}

/** Sends a command and answers 201 with the case's new version, also as ETag. */
export async function send(
  bus: CommandBus,
  message: CaseCommandMessage | PersonCaseCommandMessage,
  res: Response,
): Promise<CommandAcceptedResponseDto> {
  const result = await bus.execute(message);
  res.setHeader('ETag', `"${result.version}"`);
  const persons = result.answer?.persons as CommandAcceptedResponseDto['persons'];
  return {
    caseId: result.streamId,
    version: result.version,
    position: result.position,
    ...(persons ? { persons } : {}),
  };
}
