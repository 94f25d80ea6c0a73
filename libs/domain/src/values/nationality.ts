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

/**
 * The 27 member states of the European Union, as ISO 3166-1 alpha-2 codes (Greece is GR, not
 * the EU's own EL). The statistics split the foreigners apprehended into EU nationals and
 * third-country nationals by these.
 */
export const EU_MEMBER_STATES = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'FR',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
] as const;

export type NationalityClass = 'eu' | 'third-country' | 'unknown';

/** EU national, third-country national, or not known yet (no nationality established). */
export function nationalityClass(nationality: Nationality): NationalityClass {
  if (nationality === null) return 'unknown';
  return (EU_MEMBER_STATES as readonly string[]).includes(nationality) ? 'eu' : 'third-country';
}

/** A foreigner's nationality, or null when not known: a Slovenian citizen is not one. */
export function foreignNationality(raw: string | null): Nationality {
  const nationality = Nationality.from(raw);
  if (nationality === SLOVENIA) {
    throw new DomainError(
      'PERSON.SLOVENIAN_NOT_MIGRANT',
      'A Slovenian national is not a foreigner who crossed illegally.',
    );
  }
  return nationality;
}
