import { CUSTODY_RULES } from '../shared/rules';
import { Directorate } from './directorate';

/** The directorates' two-letter codes, as on their seals and number plates. */
const DIRECTORATE_CODES: Readonly<Record<Directorate, string>> = {
  ljubljana: 'LJ',
  maribor: 'MB',
  celje: 'CE',
  kranj: 'KR',
  koper: 'KP',
  'novo-mesto': 'NM',
  'murska-sobota': 'MS',
  'nova-gorica': 'NG',
};

/**
 * A case's reference to say on the phone: directorate, year opened (local), the case id's first
 * eight hex digits: NM-2024-3F9A1C07. Derived, so it needs no counter and never changes.
 */
export function caseReference(caseId: string, directorate: Directorate, openedAt: Date): string {
  const year = new Intl.DateTimeFormat('en', {
    year: 'numeric',
    timeZone: CUSTODY_RULES.timeZone,
  }).format(openedAt);
  return `${DIRECTORATE_CODES[directorate]}-${year}-${caseId.slice(0, 8).toUpperCase()}`;
}
