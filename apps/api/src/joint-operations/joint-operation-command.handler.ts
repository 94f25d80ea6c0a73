import {
  JOINT_OPERATION_STREAM_TYPE,
  ReportPartnerFigures,
  foldJointOperation,
  reportPartnerFigures,
} from '@app/domain';
import { AppendResult, CommandExecutor } from '@app/event-store';
import { APP_CONFIG, AppConfig, Clock } from '@app/platform';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../http/request-context';
import { jointOperationStreamId } from './joint-operation-stream';

/**
 * The partner police's figures for one area of a joint operation, on the command bus. It lives
 * beside its handler so that the controller's import leads to it.
 */
export class ReportPartnerFiguresMessage extends Command<AppendResult> {
  constructor(
    readonly command: ReportPartnerFigures,
    readonly context: CommandContext,
    readonly body: object,
  ) {
    super();
  }
}

/**
 * Load the operation's stream (found from its code), let the domain decide, append. The
 * figures are national and name no one: any role that may record procedures may record them,
 * whatever its directorate.
 */
@CommandHandler(ReportPartnerFiguresMessage)
export class ReportPartnerFiguresHandler implements ICommandHandler<
  ReportPartnerFiguresMessage,
  AppendResult
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  execute({ command, context, body }: ReportPartnerFiguresMessage): Promise<AppendResult> {
    return this.executor.execute({
      streamId: jointOperationStreamId(command.code),
      streamType: JOINT_OPERATION_STREAM_TYPE,
      fold: foldJointOperation,
      expectedVersion: context.expectedVersion,
      metadata: context.metadata,
      idempotency: context.idempotency(body, this.config.personalData.identityHashKey),
      decide: (state) => reportPartnerFigures(command, state, this.clock.now()),
    });
  }
}
