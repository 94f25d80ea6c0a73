import { DomainError } from '../shared/domain-error';
import { RefusalCode } from '../shared/refusals';

/** The raw value, when it is one of the allowed ones. */
export function oneOf<T extends string>(allowed: readonly T[], raw: string, code: RefusalCode): T {
  const found = allowed.find((value) => value === raw);
  if (!found) {
    throw new DomainError(code, `"${raw}" is not one of ${allowed.join(', ')}.`, { allowed });
  }
  return found;
}
