/**
 * An instant with an explicit offset: a police record must not depend on which time zone
 * the reader assumes. Seconds and fractions are optional.
 */
export const ISO_INSTANT =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

export const ISO_INSTANT_MESSAGE =
  '$property must be an ISO-8601 date-time with an offset, e.g. 2024-03-13T22:15:00Z';
