import { DomainError } from '../shared/domain-error';

/** ISO 3166-1 alpha-2 country code of a person's nationality; null when it is not known. */
export type Nationality = string | null;

export const SLOVENIA = 'SI';

export const Nationality = {
  from(raw: string | null): Nationality {
    if (raw === null) return null;
    if (!/^[A-Z]{2}$/.test(raw)) {
      throw new DomainError(
        'PERSON.INVALID_NATIONALITY',
        `"${raw}" is not an ISO 3166-1 alpha-2 code.`,
      );
    }
    return raw;
  },
};

/** A Slovenian national is a Slovenian citizen; a dual national may have another nationality recorded. */
export function assertCitizenship(nationality: Nationality, slovenianCitizen: boolean): void {
  if (nationality === SLOVENIA && !slovenianCitizen) {
    throw new DomainError(
      'PERSON.INCONSISTENT_CITIZENSHIP',
      'A person of Slovenian nationality is a Slovenian citizen.',
    );
  }
}
