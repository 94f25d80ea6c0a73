import { DomainError } from '../shared/domain-error';

/** The eight police directorates (policijske uprave); codes are stable identifiers. */
export const DIRECTORATES = [
  'ljubljana',
  'maribor',
  'celje',
  'kranj',
  'koper',
  'novo-mesto',
  'murska-sobota',
  'nova-gorica',
] as const;

export type Directorate = (typeof DIRECTORATES)[number];

export const Directorate = {
  from(raw: string): Directorate {
    const found = DIRECTORATES.find((d) => d === raw);
    if (!found) {
      throw new DomainError('CASE.UNKNOWN_DIRECTORATE', `Unknown police directorate "${raw}".`, {
        allowed: DIRECTORATES,
      });
    }
    return found;
  },
};
