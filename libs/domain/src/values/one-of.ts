import { DomainError } from '../shared/domain-error';

/** The raw value, when it is one of the allowed ones. */
export function oneOf<T extends string>(allowed: readonly T[], raw: string, code: string): T {
  const found = allowed.find((value) => value === raw);
  if (!found) {
    throw new DomainError(code, `"${raw}" is not one of ${allowed.join(', ')}.`, { allowed });
  }
  return found;
}
