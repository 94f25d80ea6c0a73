import { ReportPartnerFigures } from '@app/domain';
import { AppendResult } from '@app/event-store';
import { Command } from '@nestjs/cqrs';
import { CommandContext } from '../http/request-context';

/** The partner police's figures for one area of a joint operation, on the command bus. */
export class ReportPartnerFiguresMessage extends Command<AppendResult> {
  constructor(
    readonly command: ReportPartnerFigures,
    readonly context: CommandContext,
    readonly body: object,
  ) {
    super();
  }
}
