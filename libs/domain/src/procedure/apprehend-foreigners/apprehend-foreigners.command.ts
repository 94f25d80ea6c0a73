import { SealedPersonalData } from '../../values/personal-data';

/** What happened next to one person, each with its own time, recorded with the apprehension. */
export interface ForeignerToApprehend {
  readonly procedureId: string;
  readonly personId: string;
  readonly recognised: boolean;
  readonly personalData: SealedPersonalData | null;
  readonly nationality: string | null;
  readonly minor: boolean;
  readonly borderDetention?: { readonly occurredAt: Date };
  readonly intent?: { readonly occurredAt: Date; readonly statement: string };
  readonly referral?: { readonly occurredAt: Date; readonly destination: string };
  readonly handover?: {
    readonly occurredAt: Date;
    readonly country: string;
    readonly authority: string;
  };
  readonly release?: { readonly occurredAt: Date; readonly reason: string };
}

/** One person or a group found together: one procedure each, all recorded or none. */
export interface ApprehendForeigners {
  readonly type: 'ApprehendForeigners';
  readonly groupId: string;
  readonly occurredAt: Date;
  readonly directorate: string;
  readonly borderSection: string;
  readonly cameFrom: string;
  readonly place: string;
  readonly caseId: string | null;
  readonly jointOperation: string | null;
  readonly persons: readonly ForeignerToApprehend[];
}
