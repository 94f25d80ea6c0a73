import { SAFEGUARDS, Safeguard } from '../events';
import { PersonInCase, SafeguardRecord } from './case.state';

/**
 * Where one safeguard stands: `open` is due and neither given nor lawfully delayed, the item a
 * custody officer must act on; `delayed` is put off with a reason and who authorised it.
 */
export interface SafeguardItem {
  readonly safeguard: Safeguard;
  readonly status: 'open' | 'delayed' | 'provided';
  /** Since when it is owed: the deprivation of liberty, or the person's request. */
  readonly dueSince: Date;
  readonly providedAt: Date | null;
  readonly providedBy: string | null;
  readonly detail: string | null;
  readonly delayed: SafeguardRecord['delayed'];
}

/** A person of a foreign or unknown nationality: an interpreter is owed unless they need none. */
function mayNotUnderstandSlovenian(person: PersonInCase): boolean {
  return !person.slovenianCitizen && person.nationality !== 'SI';
}

/**
 * When each safeguard becomes owed to a person deprived of liberty at `deprivedAt`: the rights
 * and, for a foreigner, an interpreter at once; for a minor, the parents or guardian at once;
 * counsel, family and the consulate when the person asks (2013/48/EU Art. 3, 5, 7). Any of them
 * is owed from a request. Null: not owed.
 */
export function owedSince(
  safeguard: Safeguard,
  person: PersonInCase,
  deprivedAt: Date,
): Date | null {
  const requested = person.safeguards[safeguard]?.requestedAt ?? null;
  const atOnce =
    safeguard === 'rights-information' ||
    (safeguard === 'interpreter' && mayNotUnderstandSlovenian(person)) ||
    (safeguard === 'guardian-notification' && person.minor);
  if (atOnce) return deprivedAt;
  return requested && requested < deprivedAt ? deprivedAt : requested;
}

/**
 * Every safeguard owed to a person held now, or given to them: what the custody board shows.
 * A safeguard given before it was owed (rights read out at the arrest, before a request) stands.
 */
export function safeguardItems(person: PersonInCase): SafeguardItem[] {
  const custody = person.custody;
  if (!('deprivedAt' in custody)) return [];
  return SAFEGUARDS.flatMap((safeguard): SafeguardItem[] => {
    const record = person.safeguards[safeguard];
    const due = owedSince(safeguard, person, custody.deprivedAt);
    if (!due && !record?.providedAt) return [];
    return [
      {
        safeguard,
        status: record?.providedAt ? 'provided' : record?.delayed ? 'delayed' : 'open',
        dueSince: due ?? record!.providedAt!,
        providedAt: record?.providedAt ?? null,
        providedBy: record?.providedBy ?? null,
        detail: record?.detail ?? null,
        delayed: record?.delayed ?? null,
      },
    ];
  });
}
