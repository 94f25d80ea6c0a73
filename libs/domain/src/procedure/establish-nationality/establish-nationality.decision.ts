import { ProcedureNationalityEstablished, procedureEvent } from '../events';
import { ProcedureState } from '../state/procedure.state';
import { procedureStep } from '../state/procedure-step';
import { foreignNationality } from '../../values/nationality';
import { EstablishNationalityInProcedure } from './establish-nationality.command';

/** Nationality unknown at apprehension, established later; the one established last counts. */
export function establishNationality(
  command: EstablishNationalityInProcedure,
  state: ProcedureState,
  now: Date,
): ProcedureNationalityEstablished[] {
  const procedure = procedureStep(command, state, now);
  return [
    procedureEvent<ProcedureNationalityEstablished>(
      'procedure.nationality-established',
      command.occurredAt,
      {
        procedureId: procedure.procedureId,
        personId: procedure.personId,
        nationality: foreignNationality(command.nationality),
      },
    ),
  ];
}
