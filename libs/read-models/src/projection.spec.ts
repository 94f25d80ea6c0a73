import { CASE_EVENT_TYPES, JOINT_OPERATION_EVENT_TYPES, PROCEDURE_EVENT_TYPES } from '@app/domain';
import { getMetadataArgsStorage } from 'typeorm';
import { CaseProjection } from './case-projection';
import { CasesProjection } from './cases/cases.projection';
import { CustodyBoardProjection } from './custody-board/custody-board.projection';
import { PeopleProjection } from './people/people.projection';
import { ProcedureRow } from './procedures/procedure.entity';
import {
  PROJECTION_NAMES,
  PROJECTION_TABLES,
  StoredEventType,
  readModelsChangedBy,
} from './projection';
import { StatisticsProjection } from './statistics/statistics.projection';

const CASE_TABLES = {
  cases: ['cases', 'case_persons'],
  'custody-board': ['custody_held', 'custody_clocks', 'custody_breaches'],
  statistics: ['statistics_cases', 'statistics_persons'],
  people: ['person_cases'],
};

describe('the read models an event changes (readModelsChangedBy)', () => {
  it('are the four case projections for a case event: each refolds the whole case', () => {
    expect(readModelsChangedBy('person.suspect-arrested')).toEqual(
      Object.entries(CASE_TABLES).map(([projection, tables]) => ({ projection, tables })),
    );
  });

  it('are the procedures alone for a procedure event', () => {
    expect(readModelsChangedBy('procedure.referred')).toEqual([
      { projection: 'procedures', tables: ['procedures'] },
    ]);
  });

  it('are none for a joint operation event: its query reads the store', () => {
    expect(readModelsChangedBy('joint-operation.partner-figures-reported')).toEqual([]);
  });

  it('are at least one for every case and procedure event type the domain knows', () => {
    const unread = [...CASE_EVENT_TYPES, ...PROCEDURE_EVENT_TYPES].filter(
      (type) => readModelsChangedBy(type).length === 0,
    );
    expect(unread).toEqual([]);
  });

  it('reach every projection from some event type', () => {
    const all: StoredEventType[] = [
      ...CASE_EVENT_TYPES,
      ...PROCEDURE_EVENT_TYPES,
      ...JOINT_OPERATION_EVENT_TYPES,
    ];
    const reached = new Set(
      all.flatMap((type) => readModelsChangedBy(type).map((m) => m.projection)),
    );
    expect([...reached].sort()).toEqual([...PROJECTION_NAMES].sort());
  });

  it('refuses a type the domain does not store, rather than answer "none"', () => {
    expect(() => readModelsChangedBy('case.arrested' as StoredEventType)).toThrow(
      'case.arrested is not an event type the domain stores.',
    );
  });
});

describe('PROJECTION_TABLES', () => {
  it("names the tables each case projection rewrites, as the projection's own list does", () => {
    const own = Object.fromEntries(
      [
        new CasesProjection(),
        new CustodyBoardProjection(),
        new StatisticsProjection(),
        new PeopleProjection(),
      ].map((projection: CaseProjection) => [projection.name, projection['tables']]),
    );
    expect(own).toEqual(CASE_TABLES);
    expect(PROJECTION_TABLES).toMatchObject(own);
  });

  it("names the procedures projection's table, as its entity does", () => {
    const entity = getMetadataArgsStorage().tables.find((t) => t.target === ProcedureRow);
    expect(PROJECTION_TABLES.procedures).toEqual([entity?.name]);
  });
});
