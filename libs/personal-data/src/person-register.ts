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
 * Port of the person register: gives a person an identity that survives across cases.
 * A person caught again is recognised by a keyed hash of a document or biometric reference.
 */
export abstract class PersonRegister {
  /** Who this is, without writing anything: a known person's id, or a new one. */
  abstract identify(request: AdmissionRequest): Promise<Identification>;

  /** Records the person and the hashes of their documents under the identified id. */
  abstract register(identification: Identification, request: AdmissionRequest): Promise<void>;
}
