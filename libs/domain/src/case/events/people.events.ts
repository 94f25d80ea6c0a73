import { DomainEvent } from '../../shared/domain-event';
import { Nationality } from '../../values/nationality';
import { SealedPersonalData } from '../../values/personal-data';

/**
 * Deprivation of liberty of a suspected smuggler; occurredAt is when it began.
 * Schema v2 requires `slovenianCitizen`: a dual national may be a Slovenian citizen with another
 * nationality recorded. v1 left it optional (see `SuspectArrestedV1Data`).
 */
export type SuspectArrested = DomainEvent<
  'person.suspect-arrested',
  {
    caseId: string;
    personId: string;
    /** The person was known before, from an earlier case or a matching document. */
    recognised: boolean;
    nationality: Nationality;
    slovenianCitizen: boolean;
    place: string;
    personalData: SealedPersonalData | null;
  }
>;

/** `person.suspect-arrested` as schema v1 allowed it: without citizenship, it follows nationality. */
export type SuspectArrestedV1Data = Omit<SuspectArrested['data'], 'slovenianCitizen'> & {
  slovenianCitizen?: boolean;
};

export type MigrantApprehended = DomainEvent<
  'person.migrant-apprehended',
  {
    caseId: string;
    personId: string;
    recognised: boolean;
    nationality: Nationality;
    minor: boolean;
    place: string;
    /** Shared by the migrants apprehended together as one group. */
    groupId: string | null;
    personalData: SealedPersonalData | null;
  }
>;

export const IDENTIFICATION_METHODS = ['document', 'biometric', 'statement', 'other'] as const;

export type IdentityEstablished = DomainEvent<
  'person.identity-established',
  {
    caseId: string;
    personId: string;
    method: (typeof IDENTIFICATION_METHODS)[number];
    nationality: Nationality;
    personalData: SealedPersonalData | null;
  }
>;
