/** What the history shows of sealed personal data: whose it is and how it was sealed. */
export interface RedactedPersonalData {
  readonly scheme: string;
  readonly personId: string;
  readonly sealed: true;
}

const isSealed = (value: Record<string, unknown>): boolean =>
  typeof value.scheme === 'string' &&
  typeof value.personId === 'string' &&
  typeof value.ciphertext === 'string';

/**
 * Event data as stored, with every sealed personal-data object (wherever it sits, e.g. in a
 * correction's replacement) reduced to its scheme and person. The ciphertext is no use to an
 * auditor reading the history; reading personal data in clear is a route of its own, with a
 * stated justification.
 */
export function redactSealedData(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSealedData);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if (isSealed(object)) {
    return {
      scheme: object.scheme as string,
      personId: object.personId as string,
      sealed: true,
    } satisfies RedactedPersonalData;
  }
  return Object.fromEntries(
    Object.entries(object).map(([key, member]) => [key, redactSealedData(member)]),
  );
}
