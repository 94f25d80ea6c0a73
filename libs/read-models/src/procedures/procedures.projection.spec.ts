import { ProcedureEvent, procedureEvent } from '@app/domain';
import { permutations } from '../testing/permutations';
import { foldedProcedureRow, procedureEnvelopes } from '../testing/projected-procedure';
import {
  ProcedureColumns,
  procedureColumnsOf,
  mergeProcedureColumns,
} from './procedures.projection';

const PROCEDURE = '0b6f7d0e-3f0a-4c1e-9a53-6a2b9d1c0a01';
const PERSON = '5d7c1b8e-2a44-4f0b-8f6e-1c9e2a7b3d02';
const CASE = '9a1e4c2b-7d3f-4a5e-b6c8-0d1f2e3a4b03';
const T0 = Date.parse('2024-03-14T08:00:00Z');
const at = (hours: number) => new Date(T0 + hours * 3600_000);
const ids = { procedureId: PROCEDURE, personId: PERSON };

const apprehension = procedureEvent('procedure.foreigner-apprehended', at(0), {
  ...ids,
  recognised: false,
  directorate: 'koper',
  borderSection: 'Sočerga',
  cameFrom: 'HR',
  place: 'Sočerga, ob reki Dragonji',
  nationality: null,
  minor: false,
  groupId: '3c2b1a0f-9e8d-4c7b-a6f5-e4d3c2b1a004',
  caseId: null,
  jointOperation: 'HR-SI-2024-03',
  personalData: null,
} as never);

/** Later facts; three nationalities, two of them established at the same instant. */
const later: ProcedureEvent[] = [
  procedureEvent('procedure.asylum-intent-expressed', at(2), {
    ...ids,
    statement: 'oral',
  } as never),
  procedureEvent('procedure.referred', at(3), { ...ids, destination: 'asylum-home-logatec' }),
  procedureEvent('procedure.left-asylum-home', at(30), {
    ...ids,
    facility: 'asylum-home-logatec',
  }),
  procedureEvent('procedure.nationality-established', at(4), { ...ids, nationality: 'PK' }),
  procedureEvent('procedure.nationality-established', at(5), { ...ids, nationality: 'AF' }),
  procedureEvent('procedure.nationality-established', at(5), { ...ids, nationality: 'IQ' }),
  procedureEvent('procedure.linked-to-case', at(6), { ...ids, caseId: CASE }),
];

const fold = (columns: readonly ProcedureColumns[]) => columns.reduce(mergeProcedureColumns);

function withoutNationalityAt(row: ProcedureColumns) {
  const { nationality_at: _at, ...rest } = row;
  return rest;
}

/** JSON with sorted keys: cheap to compare many times. */
const canonical = (row: object) =>
  JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))));

describe('the procedures projection merges facts by when they happened', () => {
  it('makes the row the domain folds, whatever the order of entry and the batches', () => {
    const differing: unknown[] = [];
    let checked = 0;
    for (const order of permutations(later)) {
      const stream = procedureEnvelopes([apprehension, ...order]);
      const columns = stream.map(procedureColumnsOf);
      const expected = canonical(foldedProcedureRow(stream));
      // Every cut into a row already projected and one later batch, merged as the SQL does.
      for (let cut = 1; cut <= columns.length; cut++) {
        const row = fold(columns.slice(0, cut));
        const merged =
          cut === columns.length ? row : mergeProcedureColumns(row, fold(columns.slice(cut)));
        const actual = canonical(withoutNationalityAt(merged));
        if (actual !== expected) differing.push({ order: order.map((e) => e.type), cut, actual });
        checked++;
      }
    }
    expect(differing.slice(0, 3)).toEqual([]);
    expect(checked).toBe(5040 * 8);
  });

  it('takes the border detention like any other step', () => {
    const detention = procedureEvent('procedure.border-detention-started', at(1), ids);
    const stream = procedureEnvelopes([apprehension, later[1], detention]);
    const row = mergeProcedureColumns(
      procedureColumnsOf(stream[0]),
      fold(stream.slice(1).map(procedureColumnsOf)),
    );
    expect(canonical(withoutNationalityAt(row))).toBe(canonical(foldedProcedureRow(stream)));
    expect(row.border_detention_at).toEqual(at(1));
  });

  it('keeps when the nationality it shows was established', () => {
    const row = fold(
      procedureEnvelopes([apprehension, later[4], later[3]]).map(procedureColumnsOf),
    );
    expect({ nationality: row.nationality, at: row.nationality_at }).toEqual({
      nationality: 'AF',
      at: at(5),
    });
    const unknown = fold(procedureEnvelopes([apprehension]).map(procedureColumnsOf));
    expect({ nationality: unknown.nationality, at: unknown.nationality_at }).toEqual({
      nationality: null,
      at: at(0),
    });
  });

  it('says nothing of the opening in a patch of later facts', () => {
    const [, referral] = procedureEnvelopes([apprehension, later[1]]).map(procedureColumnsOf);
    expect(referral).toMatchObject({
      procedure_id: PROCEDURE,
      person_id: null,
      directorate: null,
      apprehended_at: null,
      nationality_at: null,
      case_id: null,
      referral_destination: 'asylum-home-logatec',
      referred_at: at(3),
      version: 2,
    });
  });
});
