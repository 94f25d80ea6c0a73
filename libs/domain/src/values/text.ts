import { DomainError } from '../shared/domain-error';
import { RefusalCode } from '../shared/refusals';

/** Trimmed text of a bounded length; `code` names the field in the refusal. */
export function boundedText(raw: string, max: number, code: RefusalCode, what: string): string {
  const text = raw.trim();
  if (text.length === 0 || text.length > max) {
    throw new DomainError(code, `${what} must have 1 to ${max} characters.`);
  }
  return text;
}

export function optionalText(
  raw: string | null | undefined,
  max: number,
  code: RefusalCode,
  what: string,
): string | null {
  return raw === null || raw === undefined || raw.trim() === ''
    ? null
    : boundedText(raw, max, code, what);
}
