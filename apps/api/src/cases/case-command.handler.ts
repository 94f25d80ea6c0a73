import {
  CASE_STREAM_TYPE,
  CaseCommand,
  CaseState,
  decideCase,
  evolveCase,
  foldHistory,
} from '@app/domain';
import { AppendResult, CommandExecutor } from '@app/event-store';
import {
  AdmissionRequest,
  AdmittedPerson,
  PersonIntake,
  RegistrationRaceError,
} from '@app/personal-data';
import { APP_CONFIG, AppConfig, Clock } from '@app/platform';
import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { CommandContext } from '../http/request-context';
import { assertMayOpenIn, caseVisibleTo } from './case-access';

/*
 * The messages live beside the handlers that take them: a controller imports its message from
 * here, so the handler of every case route is one "go to definition" away, not a search for
 * the class named in @CommandHandler. The decision is the domain's: decideCase.
 */

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

abstract class CaseStreamHandler {
  constructor(
    protected readonly executor: CommandExecutor,
    protected readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  protected caseStream(
    { context, body }: CaseCommandMessage | PersonCaseCommandMessage,
    caseId: string,
    opening = false,
  ) {
    return {
      streamId: caseId,
      streamType: CASE_STREAM_TYPE,
      fold: foldHistory,
      // A joint operation's case is a long stream: its state is kept between commands.
      evolve: evolveCase,
      // Opening a case starts its stream; any other command needs a case the caller may see.
      authorize: opening ? undefined : caseVisibleTo(context.actor, caseId),
      expectedVersion: context.expectedVersion,
      metadata: context.metadata,
      idempotency: context.idempotency(body, this.config.personalData.identityHashKey),
    };
  }
}

/** Load the case stream, let the domain decide, append. Nothing else belongs here. */
@CommandHandler(CaseCommandMessage)
export class CaseCommandHandler
  extends CaseStreamHandler
  implements ICommandHandler<CaseCommandMessage, AppendResult>
{
  execute(message: CaseCommandMessage) {
    const { command } = message;
    const opening = command.type === 'OpenCase';
    if (opening) assertMayOpenIn(message.context.actor, command.directorate);
    return this.executor.execute({
      ...this.caseStream(message, command.caseId, opening),
      decide: (state) => decideCase(command, state, this.clock.now()),
    });
  }
}

const RACE_ATTEMPTS = 3;

/**
 * As above, with the persons identified first, all in the transaction of the append. The
 * domain decides on placeholders before the register is asked (an unknown or closed case
 * answers as such) and on the identities found before anything is registered; then the
 * persons are admitted (registered, their data sealed) and the decision is made with their
 * sealed data. A refused or conflicting command rolls all of it back.
 */
@CommandHandler(PersonCaseCommandMessage)
export class PersonCaseCommandHandler
  extends CaseStreamHandler
  implements ICommandHandler<PersonCaseCommandMessage, AppendResult>
{
  constructor(
    executor: CommandExecutor,
    clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly intake: PersonIntake,
  ) {
    super(executor, clock, config);
  }

  async execute(message: PersonCaseCommandMessage): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(message);
      } catch (error) {
        if (!(error instanceof RegistrationRaceError) || attempt === RACE_ATTEMPTS) throw error;
      }
    }
  }

  private attempt(message: PersonCaseCommandMessage) {
    const { caseId, persons, build } = message;
    const now = this.clock.now();
    const decide = (state: CaseState, admitted: readonly AdmittedPerson[]) =>
      decideCase(build(admitted), state, now);
    const unsealed = (ids: readonly { personId: string; recognised: boolean }[]) =>
      ids.map((p) => ({ ...p, personalData: null }));
    return this.executor.execute({
      ...this.caseStream(message, caseId),
      prepare: async (state, tx) => {
        decide(
          state,
          unsealed(
            persons.map((p) => ({ personId: p.personId ?? randomUUID(), recognised: false })),
          ),
        );
        const identified = await this.intake.identify(persons, tx);
        decide(state, unsealed(identified));
        return this.intake.admit(identified, persons, tx);
      },
      decide,
      answer: (admitted) => ({
        persons: admitted.map(({ personId, recognised }) => ({ personId, recognised })),
      }),
    });
  }
}
