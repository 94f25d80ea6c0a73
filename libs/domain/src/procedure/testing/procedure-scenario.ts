/*
 * Given/when/then for the procedure decisions: given past events, when a command, then the
 * events decided or the code of the refusal.
 */
import { refusalOf } from '../../case/testing/case-scenario';
import { ForeignerApprehended, ProcedureEvent, procedureEvent } from '../events';
import { ProcedureCommand, decideProcedure } from '../procedure.decider';
import { foldProcedure } from '../state/procedure.state';

/** "Now" in every scenario: the last day of the joint operation of March 2024. */
export const NOW = new Date('2024-03-15T12:00:00Z');
export const PROCEDURE_ID = '9c1d7a2e-0000-4e5f-8a9b-000000000001';
export const PERSON_ID = '5a1d0d0e-4444-4e5f-8a9b-000000000001';
export const GROUP_ID = '7e3f1a2b-9c8d-4e5f-a6b7-000000000001';

/** An instant on 14 March 2024, e.g. at('09:30'). */
export const at = (time: string, day = 14): Date =>
  new Date(`2024-03-${String(day).padStart(2, '0')}T${time}:00Z`);

export function given(...events: ProcedureEvent[]) {
  const state = foldProcedure(events);
  return {
    state,
    when: (command: ProcedureCommand) => ({
      events: () => decideProcedure(command, state, NOW),
      refusal: () => refusalOf(() => decideProcedure(command, state, NOW)),
    }),
  };
}

const ids = { procedureId: PROCEDURE_ID, personId: PERSON_ID };

export const apprehended = (
  occurredAt = at('08:00'),
  data: Partial<ForeignerApprehended['data']> = {},
) =>
  procedureEvent<ForeignerApprehended>('procedure.foreigner-apprehended', occurredAt, {
    ...ids,
    recognised: false,
    directorate: 'novo-mesto',
    borderSection: 'Obrežje',
    cameFrom: 'HR',
    place: 'Obrežje, by the Krka',
    nationality: 'SY',
    minor: false,
    groupId: GROUP_ID,
    caseId: null,
    jointOperation: null,
    personalData: null,
    ...data,
  });

export const detained = (occurredAt: Date) =>
  procedureEvent('procedure.border-detention-started', occurredAt, ids);
export const intent = (occurredAt: Date) =>
  procedureEvent('procedure.asylum-intent-expressed', occurredAt, {
    ...ids,
    statement: 'handwritten',
  });
export const referred = (
  occurredAt: Date,
  destination: 'asylum-home-ljubljana' | 'aliens-centre' = 'asylum-home-ljubljana',
) => procedureEvent('procedure.referred', occurredAt, { ...ids, destination });
export const handedOver = (occurredAt: Date) =>
  procedureEvent('procedure.handed-over', occurredAt, {
    ...ids,
    country: 'HR',
    authority: 'PU Karlovac',
  });
export const released = (occurredAt: Date) =>
  procedureEvent('procedure.released', occurredAt, { ...ids, reason: 'Ordered to leave' });
export const leftAsylumHome = (occurredAt: Date) =>
  procedureEvent('procedure.left-asylum-home', occurredAt, {
    ...ids,
    facility: 'asylum-home-ljubljana',
  });
