import { SealedPersonalData } from '../../../values/personal-data';

export interface EstablishIdentity {
  readonly type: 'EstablishIdentity';
  readonly caseId: string;
  readonly personId: string;
  readonly occurredAt: Date;
  readonly method: string;
  readonly nationality: string | null;
  readonly personalData: SealedPersonalData | null;
}
