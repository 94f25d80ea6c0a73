import { ProcedureRow } from '@app/read-models';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';

export class GetProcedureQuery extends Query<ProcedureRow | null> {
  constructor(readonly procedureId: string) {
    super();
  }
}

@QueryHandler(GetProcedureQuery)
export class GetProcedureHandler implements IQueryHandler<GetProcedureQuery, ProcedureRow | null> {
  constructor(private readonly db: DataSource) {}

  execute({ procedureId }: GetProcedureQuery): Promise<ProcedureRow | null> {
    return this.db.getRepository(ProcedureRow).findOneBy({ procedureId });
  }
}
