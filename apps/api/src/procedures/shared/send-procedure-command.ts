import { CommandBus } from '@nestjs/cqrs';
import { Response } from 'express';
import { ProcedureAcceptedResponseDto } from '../procedure-accepted.response.dto';
import { LinkProcedureMessage, ProcedureCommandMessage } from '../procedure-command.handler';

/**
 * Sends a later fact about a procedure and answers 201 with its new version, also as ETag. The
 * message is taken by ProcedureCommandHandler or LinkProcedureHandler, in the file it is
 * imported from.
 */
export async function sendProcedureCommand(
  bus: CommandBus,
  message: ProcedureCommandMessage | LinkProcedureMessage,
  res: Response,
): Promise<ProcedureAcceptedResponseDto> {
  const result = await bus.execute(message);
  res.setHeader('ETag', `"${result.version}"`);
  return { procedureId: result.streamId, version: result.version, position: result.position };
}
