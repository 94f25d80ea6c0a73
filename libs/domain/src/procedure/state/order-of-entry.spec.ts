import fc from 'fast-check';
import { DomainError } from '../../shared/domain-error';
import { ProcedureEvent } from '../events';
import { ProcedureCommand, decideProcedure } from '../procedure.decider';
import { NOW, PROCEDURE_ID, apprehended, at } from '../testing/procedure-scenario';
import { ProcedureState, chronologyBreak, foldProcedure } from './procedure.state';

const step = { procedureId: PROCEDURE_ID };

/** A night's facts about one person, each lawful in time order. */
const LAWFUL: ProcedureCommand[] = [
  { type: 'StartBorderDetention', ...step, occurredAt: at('08:30') },
  { type: 'ExpressIntentInProcedure', ...step, occurredAt: at('09:00'), statement: 'dictated' },
  { type: 'EstablishNationalityInProcedure', ...step, occurredAt: at('10:00'), nationality: 'BD' },
  { type: 'EstablishNationalityInProcedure', ...step, occurredAt: at('12:00'), nationality: 'AF' },
  {
    type: 'ReferFromProcedure',
    ...step,
    occurredAt: at('14:00'),
    destination: 'asylum-home-logatec',
  },
  {
    type: 'RecordLeftAsylumHome',
    ...step,
    occurredAt: at('09:00', 15),
    facility: 'asylum-home-logatec',
  },
];

/** Facts that contradict the lawful ones or each other: whichever comes first stands. */
const CONTRADICTING: ProcedureCommand[] = [
  { type: 'ReleaseFromProcedure', ...step, occurredAt: at('08:15'), reason: 'Let go' },
  {
    type: 'HandOverFromProcedure',
    ...step,
    occurredAt: at('08:45'),
    country: 'HR',
    authority: 'PU Karlovac',
  },
  { type: 'ReferFromProcedure', ...step, occurredAt: at('11:00'), destination: 'aliens-centre' },
  {
    type: 'RecordLeftAsylumHome',
    ...step,
    occurredAt: at('13:00'),
    facility: 'asylum-home-ljubljana',
  },
  { type: 'StartBorderDetention', ...step, occurredAt: at('16:00') },
];

/** Enters the commands in this order; a refused one stores nothing. */
function enter(commands: readonly ProcedureCommand[]) {
  const events: ProcedureEvent[] = [apprehended(at('08:00'), { nationality: null })];
  const refused: string[] = [];
  for (const command of commands) {
    try {
      events.push(...decideProcedure(command, foldProcedure(events), NOW));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      refused.push(error.code);
    }
  }
  return { state: foldProcedure(events), refused };
}

const open = (state: ProcedureState) => {
  if (state.status === 'none') throw new Error('expected a procedure');
  return state;
};

describe('a procedure is its chronology, whatever the order of entry', () => {
  it('takes the lawful facts in any order, and ends in the same procedure', () => {
    const inOrder = enter(LAWFUL);
    expect(inOrder.refused).toEqual([]);
    expect(open(inOrder.state)).toMatchObject({
      nationality: 'AF',
      intentAt: at('09:00'),
      referral: { destination: 'asylum-home-logatec', at: at('14:00') },
    });
    fc.assert(
      fc.property(fc.shuffledSubarray(LAWFUL, { minLength: LAWFUL.length }), (entered) => {
        const { state, refused } = enter(entered);
        expect(refused).toEqual([]);
        expect(state).toEqual(inOrder.state);
      }),
    );
  });

  it('never lets an order of entry make an impossible procedure', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...LAWFUL, ...CONTRADICTING], { minLength: 1 }),
        (entered) => {
          const { state } = enter(entered);
          expect(chronologyBreak(open(state))).toBeNull();
        },
      ),
    );
  });
});
