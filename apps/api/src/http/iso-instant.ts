import { ValidationOptions, registerDecorator } from 'class-validator';

/**
 * An instant with an explicit offset: a police record must not depend on which time zone
 * the reader assumes. Seconds and fractions are optional.
 */
const ISO_INSTANT =
  /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day exists: JavaScript would silently turn 31 February into 3 March. */
function isRealDay(year: string, month: string, day: string): boolean {
  const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  return (
    date.getUTCFullYear() === Number(year) &&
    date.getUTCMonth() === Number(month) - 1 &&
    date.getUTCDate() === Number(day)
  );
}

export function isInstant(value: unknown): boolean {
  const match = typeof value === 'string' ? ISO_INSTANT.exec(value) : null;
  return (
    match !== null &&
    isRealDay(match[1], match[2], match[3]) &&
    !Number.isNaN(Date.parse(value as string))
  );
}

export function isCalendarDate(value: unknown): boolean {
  const match = typeof value === 'string' ? CALENDAR_DATE.exec(value) : null;
  return match !== null && Number(match[1]) >= 1900 && isRealDay(match[1], match[2], match[3]);
}

export function IsInstant(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName,
      options: {
        message:
          '$property must be an ISO-8601 date-time with an offset, e.g. 2024-03-13T22:15:00Z',
        ...options,
      },
      validator: { validate: isInstant },
    });
}

export function IsCalendarDate(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName,
      options: { message: '$property must be a date YYYY-MM-DD', ...options },
      validator: { validate: isCalendarDate },
    });
}
