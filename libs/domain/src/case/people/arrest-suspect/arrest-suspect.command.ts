import { SealedPersonalData } from '../../../values/personal-data';

export interface ArrestSuspect {
  readonly type: 'ArrestSuspect';
  readonly caseId: string;
  /** Resolved beforehand from the person register: a known person keeps their id. */
  readonly personId: string;
  readonly recognised: boolean;
  /** When the suspect was deprived of liberty. */
  readonly occurredAt: Date;
  readonly nationality: string | null;
  readonly slovenianCitizen: boolean;
  readonly place: string;
  readonly personalData: SealedPersonalData | null;
}
