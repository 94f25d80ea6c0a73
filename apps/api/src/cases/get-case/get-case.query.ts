import { CasePersonRow, CaseRow } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

export interface CaseDetail {
  readonly row: CaseRow;
  readonly persons: CasePersonRow[];
}

export class GetCaseQuery extends Query<CaseDetail | null> {
  constructor(readonly caseId: string) {
    super();
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseDetail | null> {
  constructor(private readonly db: DataSource) {}

  async execute({ caseId }: GetCaseQuery): Promise<CaseDetail | null> {
    // One snapshot: the case and its people as of the same projected version.
    return this.db.transaction('REPEATABLE READ', async (tx) => {
      const row = await tx.findOneBy(CaseRow, { caseId });
      if (!row) return null;
      const persons = await tx.find(CasePersonRow, {
        where: { caseId },
        order: { recordedAt: 'ASC', personId: 'ASC' },
      });
      return { row, persons };
    });
  }
}
