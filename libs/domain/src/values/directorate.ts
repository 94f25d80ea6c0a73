import { oneOf } from './one-of';

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
  from: (raw: string): Directorate => oneOf(DIRECTORATES, raw, 'CASE.UNKNOWN_DIRECTORATE'),
};
