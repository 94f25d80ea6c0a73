import { createHmac } from 'node:crypto';
import { PersonalData } from './personal-data';

/**
 * The keyed hashes by which the register recognises a person. Numbers are normalised (case,
 * spaces, dashes) so that the same document typed twice hashes the same; the key keeps the
 * hashes from being reversed by trying every possible number.
 */
export function identityHashes(data: PersonalData | undefined, key: Buffer): string[] {
  const refs = [
    ...(data?.documents ?? []).map(
      (d) => `document:${d.type}:${d.issuingCountry.toUpperCase()}:${normalise(d.number)}`,
    ),
    ...(data?.biometricReference ? [`biometric:${normalise(data.biometricReference)}`] : []),
  ];
  return [...new Set(refs)].map((ref) => createHmac('sha256', key).update(ref).digest('hex'));
}

function normalise(value: string): string {
  return value.toUpperCase().replace(/[\s-]/g, '');
}
