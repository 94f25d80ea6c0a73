import { DomainError } from '../../shared/domain-error';
import { RULES } from '../../shared/rules';
import { assertNotInFuture } from '../../shared/time';
import { Directorate } from '../../values/directorate';
import { foreignNationality } from '../../values/nationality';
import { oneOf } from '../../values/one-of';
import { boundedText, optionalText } from '../../values/text';
import {
  ForeignerApprehended,
  NEIGHBOURING_COUNTRIES,
  ProcedureEvent,
  procedureEvent,
} from '../events';
import { ProcedureCommand, decideProcedure } from '../procedure.decider';
import { foldProcedure } from '../state/procedure.state';
import { ApprehendForeigners, ForeignerToApprehend } from './apprehend-foreigners.command';

export interface ProcedureDecided {
  readonly procedureId: string;
  readonly events: readonly ProcedureEvent[];
}

/**
 * One procedure per person, in the order listed, each opened by the apprehension and followed
 * by what the officer records with it (border detention, intent, referral, handover, release),
 * every step judged by the same decision as when it is recorded on its own. One refusal refuses
 * the whole group: nothing of it is stored.
 */
export function apprehendForeigners(command: ApprehendForeigners, now: Date): ProcedureDecided[] {
  assertNotInFuture(command.occurredAt, now);
  const size = command.persons.length;
  if (size < 1 || size > RULES.migrantGroupMaxSize) {
    throw new DomainError(
      'PERSON.INVALID_GROUP_SIZE',
      `A group has 1 to ${RULES.migrantGroupMaxSize} people.`,
    );
  }
  if (new Set(command.persons.map((p) => p.personId)).size !== size) {
    throw new DomainError('PERSON.DUPLICATE_IN_GROUP', 'The same person is listed twice.');
  }
  const shared = {
    directorate: Directorate.from(command.directorate),
    borderSection: boundedText(
      command.borderSection,
      RULES.borderSectionMaxLength,
      'CASE.INVALID_BORDER_SECTION',
      'The border section',
    ),
    cameFrom: oneOf(NEIGHBOURING_COUNTRIES, command.cameFrom, 'PROCEDURE.INVALID_COUNTRY'),
    place: boundedText(
      command.place,
      RULES.shortTextMaxLength,
      'PERSON.INVALID_PLACE',
      'The place',
    ),
    groupId: command.groupId,
    caseId: command.caseId,
    jointOperation: optionalText(
      command.jointOperation,
      RULES.shortTextMaxLength,
      'PROCEDURE.INVALID_JOINT_OPERATION',
      'The joint operation',
    ),
  };
  return command.persons.map((person, index) => {
    try {
      return {
        procedureId: person.procedureId,
        events: personProcedure(command, shared, person, now),
      };
    } catch (error) {
      // Which person of the group was refused, so that the officer can mend that line.
      if (error instanceof DomainError) {
        throw new DomainError(error.code, error.message, { ...error.details, person: index });
      }
      throw error;
    }
  });
}

function personProcedure(
  command: ApprehendForeigners,
  shared: Omit<
    ForeignerApprehended['data'],
    'procedureId' | 'personId' | 'recognised' | 'nationality' | 'minor' | 'personalData'
  >,
  person: ForeignerToApprehend,
  now: Date,
): ProcedureEvent[] {
  const { procedureId } = person;
  const events: ProcedureEvent[] = [
    procedureEvent<ForeignerApprehended>('procedure.foreigner-apprehended', command.occurredAt, {
      procedureId,
      personId: person.personId,
      recognised: person.recognised,
      ...shared,
      nationality: foreignNationality(person.nationality),
      minor: person.minor,
      personalData: person.personalData,
    }),
  ];
  // Each later step is decided on the procedure the steps before it make, by the same decision
  // and chronology rules as when it is sent on its own.
  const { borderDetention, intent, referral, handover, release } = person;
  const steps: (ProcedureCommand | false | undefined)[] = [
    borderDetention && { type: 'StartBorderDetention', procedureId, ...borderDetention },
    intent && { type: 'ExpressIntentInProcedure', procedureId, ...intent },
    referral && { type: 'ReferFromProcedure', procedureId, ...referral },
    handover && { type: 'HandOverFromProcedure', procedureId, ...handover },
    release && { type: 'ReleaseFromProcedure', procedureId, ...release },
  ];
  for (const step of steps) {
    if (step) events.push(...decideProcedure(step, foldProcedure(events), now));
  }
  return events;
}
