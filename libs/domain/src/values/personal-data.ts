/**
 * Names, dates of birth and document numbers, encrypted with a key of the person's own
 * before they reach a command. The domain carries it without looking inside: erasing the
 * key makes every copy unreadable without rewriting history.
 */
export interface SealedPersonalData {
  /** Identifies the cipher and format, so that it can change. */
  readonly scheme: string;
  /** The person whose key sealed it. */
  readonly personId: string;
  readonly ciphertext: string;
}
