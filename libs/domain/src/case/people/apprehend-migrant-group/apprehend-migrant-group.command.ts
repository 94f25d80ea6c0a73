import { MigrantToApprehend } from '../apprehend-migrant/apprehend-migrant.command';

export interface ApprehendMigrantGroup {
  readonly type: 'ApprehendMigrantGroup';
  readonly caseId: string;
  readonly groupId: string;
  readonly occurredAt: Date;
  readonly place: string;
  readonly migrants: readonly MigrantToApprehend[];
}
