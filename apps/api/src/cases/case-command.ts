import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import { CaseCommandMessage, PersonCaseCommandMessage } from './case-command.handler';
import { CommandAcceptedResponseDto } from './command-accepted.response.dto';

/**
 * Sends a command and answers 201 with the case's new version, also as ETag. The message is
 * taken by CaseCommandHandler or PersonCaseCommandHandler, in the file it is imported from.
 */
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
