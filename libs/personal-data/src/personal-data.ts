/** What is sealed: the data that identifies a person. Never stored or published in clear. */
export interface PersonalData {
  readonly givenName?: string;
  readonly familyName?: string;
  /** YYYY-MM-DD. */
  readonly dateOfBirth?: string;
  readonly documents?: readonly IdentityDocument[];
  readonly biometricReference?: string;
}

export const DOCUMENT_TYPES = [
  'passport',
  'id-card',
  'travel-document',
  'residence-permit',
  'other',
] as const;

export interface IdentityDocument {
  readonly type: (typeof DOCUMENT_TYPES)[number];
  readonly number: string;
  /** ISO 3166-1 alpha-2. */
  readonly issuingCountry: string;
}
