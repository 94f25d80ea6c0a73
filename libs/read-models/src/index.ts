import { CaseRow, DirectorateCaseloadRow } from './cases/case.entity';

export * from './projection';
export * from './projection-runner';
export * from './cases/case.entity';
export * from './cases/cases.projection';

/** Every TypeORM entity of the read side, listed explicitly. */
export const READ_MODEL_ENTITIES = [CaseRow, DirectorateCaseloadRow];
