import {
  ApprehendForeigners,
  CASE_STREAM_TYPE,
  LinkProcedureToCase,
  PROCEDURE_STREAM_TYPE,
  ProcedureCommand,
  ProcedureEvent,
  RoleInCase,
  apprehendForeigners,
  assertMigrantsOfCase,
  decideProcedure,
  foldHistory,
  foldProcedure,
} from '@app/domain';
import {
  AppendResult,
  CommandExecutor,
  EventStore,
  Transaction,
  toDomainEvent,
} from '@app/event-store';
import {
  AdmissionRequest,
  AdmittedPerson,
  PersonIntake,
  RegistrationRaceError,
} from '@app/personal-data';
import { APP_CONFIG, AppConfig, Clock } from '@app/platform';
import { Inject, Injectable } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { AccessDeniedError, Actor, hasPermission } from '@app/auth';
import { caseVisibleTo } from '../cases/case-access';
import { CommandContext } from '../http/request-context';
import { procedureVisibleTo } from './procedure-access';

/*
 * The messages live beside the handlers that take them: a controller imports its message from
 * here, so the handler of every procedure route is one "go to definition" away, not a search
 * for the class named in @CommandHandler. The decisions are the domain's: decideProcedure and
 * apprehendForeigners.
 */

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
 * Linking a procedure to a smuggling case: the command is completed once the case has said
 * what the person is in it (`roleInCase`), read in the transaction of the append.
 */
export class LinkProcedureMessage extends Command<AppendResult> {
  constructor(
    readonly command: Omit<LinkProcedureToCase, 'roleInCase'>,
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

/**
 * What a case says of a person, read from its stream; a case out of reach is "not found".
 * Linking to a case takes reading it: a caller who may not read cases (a border officer) is
 * refused before the case is looked at, so the refusal tells nothing of it.
 */
@Injectable()
export class CaseRoles {
  constructor(private readonly store: EventStore) {}

  async of(
    actor: Actor,
    caseId: string,
    tx: Transaction,
  ): Promise<(personId: string) => RoleInCase> {
    if (!hasPermission(actor, 'case.read')) {
      throw new AccessDeniedError(
        'AUTH.FORBIDDEN',
        `A ${actor.role} may not link a procedure to a case: that takes reading cases.`,
      );
    }
    const history = await this.store.readStream(caseId, tx);
    const state = foldHistory(
      history.filter((e) => e.streamType === CASE_STREAM_TYPE).map((e) => toDomainEvent(e)),
    );
    caseVisibleTo(actor, caseId)(state);
    return (personId) =>
      state.status === 'none' ? 'absent' : (state.persons[personId]?.role ?? 'absent');
  }
}

abstract class ProcedureStreamHandler {
  constructor(
    protected readonly executor: CommandExecutor,
    protected readonly clock: Clock,
    @Inject(APP_CONFIG) protected readonly config: AppConfig,
  ) {}

  protected procedureStream(
    message: ProcedureCommandMessage | LinkProcedureMessage,
    procedureId: string,
  ) {
    const { context, body } = message;
    return {
      streamId: procedureId,
      streamType: PROCEDURE_STREAM_TYPE,
      fold: foldProcedure,
      authorize: procedureVisibleTo(context.actor, procedureId),
      expectedVersion: context.expectedVersion,
      metadata: context.metadata,
      idempotency: context.idempotency(body, this.config.personalData.identityHashKey),
    };
  }
}

/** Load the procedure, let the domain decide, append. */
@CommandHandler(ProcedureCommandMessage)
export class ProcedureCommandHandler
  extends ProcedureStreamHandler
  implements ICommandHandler<ProcedureCommandMessage, AppendResult>
{
  execute(message: ProcedureCommandMessage) {
    const { command } = message;
    return this.executor.execute({
      ...this.procedureStream(message, command.procedureId),
      decide: (state) => decideProcedure(command, state, this.clock.now()),
    });
  }
}

/** As above, with what the case says of the person read in the same transaction. */
@CommandHandler(LinkProcedureMessage)
export class LinkProcedureHandler
  extends ProcedureStreamHandler
  implements ICommandHandler<LinkProcedureMessage, AppendResult>
{
  constructor(
    executor: CommandExecutor,
    clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly caseRoles: CaseRoles,
  ) {
    super(executor, clock, config);
  }

  execute(message: LinkProcedureMessage) {
    const { command, context } = message;
    return this.executor.execute({
      ...this.procedureStream(message, command.procedureId),
      prepare: (state, tx) =>
        state.status === 'none'
          ? Promise.resolve<RoleInCase>('absent')
          : this.caseRoles
              .of(context.actor, command.caseId, tx)
              .then((roleOf) => roleOf(state.personId)),
      decide: (state, roleInCase) =>
        decideProcedure({ ...command, roleInCase }, state, this.clock.now()),
    });
  }
}

const RACE_ATTEMPTS = 3;

/**
 * One procedure per person, all started in one transaction. The domain decides on placeholders
 * before the register is asked, so that bad input is refused before anything is looked up;
 * then the persons are identified, admitted (registered, sealed) and the decision is made with
 * their sealed data. A refusal rolls all of it back. The answer lists the persons in the order
 * given, each with their new procedure.
 */
@CommandHandler(ApprehendForeignersMessage)
export class ApprehendForeignersHandler implements ICommandHandler<
  ApprehendForeignersMessage,
  AppendResult
> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly intake: PersonIntake,
    private readonly caseRoles: CaseRoles,
  ) {}

  async execute(message: ApprehendForeignersMessage): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(message);
      } catch (error) {
        if (!(error instanceof RegistrationRaceError) || attempt === RACE_ATTEMPTS) throw error;
      }
    }
  }

  private attempt(message: ApprehendForeignersMessage) {
    const { caseId, persons, build, context, body } = message;
    const now = this.clock.now();
    const decide = (admitted: readonly AdmittedPerson[]) =>
      apprehendForeigners(build(admitted), now).map(({ procedureId, events }) => ({
        streamId: procedureId,
        events,
      }));
    const unsealed = (ids: readonly { personId: string; recognised: boolean }[]) =>
      ids.map((p) => ({ ...p, personalData: null }));
    return this.executor.startStreams<ProcedureEvent, readonly AdmittedPerson[]>({
      streamType: PROCEDURE_STREAM_TYPE,
      metadata: context.metadata,
      idempotency: context.idempotency(body, this.config.personalData.identityHashKey),
      prepare: async (tx) => {
        decide(
          unsealed(
            persons.map((p) => ({ personId: p.personId ?? randomUUID(), recognised: false })),
          ),
        );
        const identified = await this.intake.identify(persons, tx);
        if (caseId) {
          const roleOf = await this.caseRoles.of(context.actor, caseId, tx);
          assertMigrantsOfCase(
            identified.map(({ personId }) => roleOf(personId)),
            caseId,
          );
        }
        decide(unsealed(identified));
        return this.intake.admit(identified, persons, tx);
      },
      decide,
      answer: (admitted) => {
        const command = build(admitted);
        return {
          groupId: command.groupId,
          procedures: command.persons.map(({ procedureId, personId, recognised }) => ({
            procedureId,
            personId,
            recognised,
          })),
        };
      },
    });
  }
}
