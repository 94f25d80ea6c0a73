import { CUSTODY_RULES, CustodyRules } from '../../shared/rules';
import { RemandExtender } from '../events';
import { CaseFile, PersonInCase } from './case.state';

/** Indicted at a given moment: an indictment recorded earlier but dated later does not count. */
export function isIndictedAt(person: PersonInCase, at: Date): boolean {
  return person.indictedAt !== null && person.indictedAt.getTime() <= at.getTime();
}

/** How far one extension may go, and the ceiling on the total, by who extends and whether the suspect is indicted. */
export function remandLimits(
  by: RemandExtender,
  indicted: boolean,
  rules: CustodyRules = CUSTODY_RULES,
): { perExtension: number; ceiling: number } {
  if (by === 'supreme-court') {
    return {
      perExtension: rules.remandSupremeCourtExtensionMaxMonths,
      ceiling: indicted
        ? rules.remandCeilingAfterIndictmentMonths
        : rules.remandSupremeCourtCeilingBeforeIndictmentMonths,
    };
  }
  return {
    perExtension: rules.remandPanelExtensionMaxMonths,
    ceiling: indicted
      ? rules.remandCeilingAfterIndictmentMonths
      : rules.remandCeilingBeforeIndictmentMonths,
  };
}

/**
 * The ceiling on the total when the investigating judge orders a new remand: no higher than the
 * panel could extend to, since only the Supreme Court goes past it before the indictment.
 */
export function newRemandCeiling(indicted: boolean, rules: CustodyRules = CUSTODY_RULES): number {
  return indicted
    ? rules.remandCeilingAfterIndictmentMonths
    : rules.remandCeilingBeforeIndictmentMonths;
}

/** What a ceiling check found; the details of a refusal. */
export interface RemandCeilingBreach {
  readonly totalMonths: number;
  readonly ceilingMonths: number;
  readonly indicted: boolean;
  readonly earlierRemandMonths: number;
}

/**
 * Whether `months` more of remand, ordered or extended at `at`, would take the person past the
 * ceiling. The total counts the months ordered in earlier remands of the person in this case,
 * those of the running remand and those asked for: months ordered, not months spent on remand
 * (a remand cut short by a release counts in full), the conservative reading.
 */
export function remandBeyondCeiling(
  person: PersonInCase,
  at: Date,
  months: number,
  by: RemandExtender | 'investigating-judge',
): RemandCeilingBreach | null {
  const indicted = isIndictedAt(person, at);
  const ceilingMonths =
    by === 'investigating-judge' ? newRemandCeiling(indicted) : remandLimits(by, indicted).ceiling;
  const running = person.custody.phase === 'remand' ? person.custody.months : 0;
  const totalMonths = person.remandMonthsBefore + running + months;
  return totalMonths > ceilingMonths
    ? { totalMonths, ceilingMonths, indicted, earlierRemandMonths: person.remandMonthsBefore }
    : null;
}

/**
 * The months of remand a person held on remand has had in this case, against the most the law
 * allows now: after the indictment its ceiling; before it, the Supreme Court's where the offence
 * lets the Supreme Court extend, else the panel's. Null for a person not on remand.
 */
export function remandUse(
  file: CaseFile,
  person: PersonInCase,
  now: Date,
  rules: CustodyRules = CUSTODY_RULES,
): { monthsUsed: number; ceilingMonths: number; panelExtended: boolean } | null {
  if (person.custody.phase !== 'remand') return null;
  const maxYears = rules.article308MaxPrisonYears[file.offence.paragraph] ?? 0;
  const ceilingMonths = isIndictedAt(person, now)
    ? rules.remandCeilingAfterIndictmentMonths
    : maxYears > rules.supremeCourtExtensionOffenceMinYears
      ? rules.remandSupremeCourtCeilingBeforeIndictmentMonths
      : rules.remandCeilingBeforeIndictmentMonths;
  return {
    monthsUsed: person.remandMonthsBefore + person.custody.months,
    ceilingMonths,
    panelExtended: person.custody.panelExtended,
  };
}
