import { PROCEDURE_STREAM_TYPE, ProcedureEvent, foldProcedure, procedureEvent } from '@app/domain';
import { EventEnvelope, toDomainEvent } from '@app/event-store';
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

/** The events as the store publishes them, versions in the order they were entered. */
function envelopes(entered: readonly ProcedureEvent[]): EventEnvelope[] {
  return entered.map((event, i) => ({
    type: event.type,
    schemaVersion: event.schemaVersion,
    eventId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
    streamId: PROCEDURE,
    streamType: PROCEDURE_STREAM_TYPE,
    streamVersion: i + 1,
    position: String(100 + i),
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: new Date(T0 + 100 * 3600_000 + i * 1000).toISOString(),
    data: event.data,
    metadata: {} as EventEnvelope['metadata'],
    hash: '',
  }));
}

/** What the domain's own fold says of the procedure, as the row's columns. */
function folded(stream: readonly EventEnvelope[]) {
  const state = foldProcedure(stream.map((e) => toDomainEvent<ProcedureEvent>(e)));
  if (state.status === 'none') throw new Error('not opened');
  const last = stream[stream.length - 1];
  return {
    procedure_id: state.procedureId,
    person_id: state.personId,
    group_id: state.groupId,
    directorate: state.directorate,
    border_section: state.borderSection,
    came_from: state.cameFrom,
    place: state.place,
    apprehended_at: state.apprehendedAt,
    nationality: state.nationality,
    minor: state.minor,
    case_id: state.caseId,
    joint_operation: state.jointOperation,
    border_detention_at: state.borderDetentionAt,
    intent_at: state.intentAt,
    referral_destination: state.referral?.destination ?? null,
    referred_at: state.referral?.at ?? null,
    handed_over_at: state.handedOverAt,
    released_at: state.releasedAt,
    left_asylum_home_at: state.leftAsylumHome?.at ?? null,
    version: last.streamVersion,
    last_position: last.position,
    updated_at: last.recordedAt,
  };
}

const fold = (columns: readonly ProcedureColumns[]) => columns.reduce(mergeProcedureColumns);

function withoutNationalityAt(row: ProcedureColumns) {
  const { nationality_at: _at, ...rest } = row;
  return rest;
}

/** JSON with sorted keys: cheap to compare many times. */
const canonical = (row: object) =>
  JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))));

function* permutations<T>(items: readonly T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let i = 0; i < items.length; i++) {
    const rest = [...items.slice(0, i), ...items.slice(i + 1)];
    for (const tail of permutations(rest)) yield [items[i], ...tail];
  }
}

describe('the procedures projection merges facts by when they happened', () => {
  it('makes the row the domain folds, whatever the order of entry and the batches', () => {
    const differing: unknown[] = [];
    let checked = 0;
    for (const order of permutations(later)) {
      const stream = envelopes([apprehension, ...order]);
      const columns = stream.map(procedureColumnsOf);
      const expected = canonical(folded(stream));
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
    const stream = envelopes([apprehension, later[1], detention]);
    const row = mergeProcedureColumns(
      procedureColumnsOf(stream[0]),
      fold(stream.slice(1).map(procedureColumnsOf)),
    );
    expect(canonical(withoutNationalityAt(row))).toBe(canonical(folded(stream)));
    expect(row.border_detention_at).toEqual(at(1));
  });

  it('keeps when the nationality it shows was established', () => {
    const row = fold(envelopes([apprehension, later[4], later[3]]).map(procedureColumnsOf));
    expect({ nationality: row.nationality, at: row.nationality_at }).toEqual({
      nationality: 'AF',
      at: at(5),
    });
    const unknown = fold(envelopes([apprehension]).map(procedureColumnsOf));
    expect({ nationality: unknown.nationality, at: unknown.nationality_at }).toEqual({
      nationality: null,
      at: at(0),
    });
  });

  it('says nothing of the opening in a patch of later facts', () => {
    const [, referral] = envelopes([apprehension, later[1]]).map(procedureColumnsOf);
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
