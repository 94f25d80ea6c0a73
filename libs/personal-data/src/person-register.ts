import { Transaction } from '@app/event-store';
import { PersonalData } from './personal-data';

export interface AdmissionRequest {
  /** A person already known by id. */
  readonly personId?: string;
  /** Documents and biometric references by which the person may already be known. */
  readonly personalData?: PersonalData;
}

export interface Identification {
  readonly personId: string;
  /** Known before: by the id given, or by a matching document or biometric reference. */
  readonly recognised: boolean;
}

/**
 * Two first sightings of the same document raced, and the other one registered it first.
 * Nothing of this attempt stays; tried again, the person is recognised.
 */
export class RegistrationRaceError extends Error {
  constructor() {
    super('another request registered the same document first');
    this.name = 'RegistrationRaceError';
  }
}

/**
 * Port of the person register: gives a person an identity that survives across cases.
 * A person caught again is recognised by a keyed hash of a document or biometric reference.
 */
export abstract class PersonRegister {
  /** Who these are, without writing anything: known persons' ids, or new ones. */
  abstract identify(
    requests: readonly AdmissionRequest[],
    tx: Transaction,
  ): Promise<Identification[]>;

  /** Records the persons and the hashes of their documents under the identified ids. */
  abstract register(
    identifications: readonly Identification[],
    requests: readonly AdmissionRequest[],
    tx: Transaction,
  ): Promise<void>;

  /** Whether the register knows this person id. */
  abstract knows(personId: string, tx: Transaction): Promise<boolean>;

  /**
   * Forgets the hashes of the person's documents and biometric references: after an erasure
   * nothing the person carries leads back to their id.
   */
  abstract forgetIdentifiers(personId: string, tx: Transaction): Promise<void>;
}
