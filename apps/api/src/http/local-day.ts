import { CUSTODY_RULES } from '@app/domain';

/**
 * SQL for 00:00 of a day (a `date` parameter) in Slovenian time, the instant a query's day
 * starts: Postgres applies the zone's rules, summer time included.
 */
export const localDayStart = (parameter: string) =>
  `(${parameter}::date)::timestamp AT TIME ZONE '${CUSTODY_RULES.timeZone}'`;
