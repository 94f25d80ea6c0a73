import { CaseRow, DirectorateCaseloadRow } from './cases/case.entity';
import { CustodyClockRow } from './custody-board/custody-clock.entity';

export * from './projection';
export * from './projection-runner';
export * from './cases/case.entity';
export * from './cases/cases.projection';
export * from './custody-board/custody-clock.entity';
export * from './custody-board/custody-board.projection';

/** Every TypeORM entity of the read side, listed explicitly. */
export const READ_MODEL_ENTITIES = [CaseRow, DirectorateCaseloadRow, CustodyClockRow];
