import { SealedPersonalData } from '../../../values/personal-data';

export interface MigrantToApprehend {
  readonly personId: string;
  readonly recognised: boolean;
  readonly nationality: string | null;
  readonly minor: boolean;
  readonly personalData: SealedPersonalData | null;
}

export interface ApprehendMigrant extends MigrantToApprehend {
  readonly type: 'ApprehendMigrant';
  readonly caseId: string;
  readonly occurredAt: Date;
  readonly place: string;
}
