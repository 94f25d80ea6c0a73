import { CasePersonRow, CaseRow } from './cases/case.entity';
import { CasesProjection } from './cases/cases.projection';
import { CustodyBoardProjection } from './custody-board/custody-board.projection';
import { CustodyBreachRow } from './custody-board/custody-breach.entity';
import { CustodyClockRow } from './custody-board/custody-clock.entity';
import { CustodyHeldRow } from './custody-board/custody-held.entity';
import { PeopleProjection } from './people/people.projection';
import { ProcedureRow } from './procedures/procedure.entity';
import { ProceduresProjection } from './procedures/procedures.projection';
import { StatisticsProjection } from './statistics/statistics.projection';

export * from './projection';
export { StreamGapError, applyOnce, type PartitionProgress } from './runner/apply-once';
export * from './runner/projection-runner';
export * from './schema-name';
export * from './cases/case.entity';
export * from './cases/cases.projection';
export * from './custody-board/custody-clock.entity';
export * from './custody-board/custody-held.entity';
export * from './custody-board/custody-breach.entity';
export * from './custody-board/custody-board.projection';
export * from './statistics/statistics.projection';
export * from './people/people.projection';
export * from './procedures/procedure.entity';
export * from './procedures/procedures.projection';

/** Every TypeORM entity of the read side, listed explicitly. */
export const READ_MODEL_ENTITIES = [
  CaseRow,
  CasePersonRow,
  CustodyClockRow,
  CustodyHeldRow,
  CustodyBreachRow,
  ProcedureRow,
];

/** Every projection, one of each name in PROJECTION_NAMES. */
export const READ_MODEL_PROJECTIONS = [
  CasesProjection,
  CustodyBoardProjection,
  StatisticsProjection,
  PeopleProjection,
  ProceduresProjection,
];
export * from './rebuild';
export * from './dead-letters';
