import { CaseRow } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

export class GetCaseQuery extends Query<CaseRow | null> {
  constructor(readonly caseId: string) {
    super();
  }
}

@QueryHandler(GetCaseQuery)
export class GetCaseHandler implements IQueryHandler<GetCaseQuery, CaseRow | null> {
  constructor(private readonly db: DataSource) {}

  execute({ caseId }: GetCaseQuery): Promise<CaseRow | null> {
    return this.db.getRepository(CaseRow).findOneBy({ caseId });
  }
}
