import { DomainError } from '../../../shared/domain-error';
import { CUSTODY_RULES, RULES } from '../../../shared/rules';
import { Nationality, SLOVENIA, assertCitizenship } from '../../../values/nationality';
import { oneOf } from '../../../values/one-of';
import { boundedText, optionalText } from '../../../values/text';
import {
  ASYLUM_FACILITIES,
  CLOSURE_REASONS,
  CaseEventType,
  IDENTIFICATION_METHODS,
  INTENT_STATEMENTS,
  PARTNER_COUNTRIES,
  RELEASE_REASONS,
  REMAND_GROUNDS,
} from '../../events';

type Check = (value: unknown) => unknown;

const invalid = (): never => {
  throw new DomainError('CORRECTION.INVALID_VALUE', 'A corrected value has the wrong form.');
};
const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string'
      ? boundedText(v, max, 'CORRECTION.INVALID_VALUE', 'A corrected text')
      : invalid();
const note: Check = (v) =>
  v === null || typeof v === 'string'
    ? optionalText(v, RULES.noteMaxLength, 'CORRECTION.INVALID_VALUE', 'A note')
    : invalid();
const bool: Check = (v) => (typeof v === 'boolean' ? v : invalid());
const nationality: Check = (v) =>
  v === null || typeof v === 'string' ? Nationality.from(v) : invalid();
const choice =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' ? oneOf(values, v, 'CORRECTION.INVALID_VALUE') : invalid();
const grounds: Check = (v) =>
  Array.isArray(v) && v.length > 0 ? [...new Set(v.map(choice(REMAND_GROUNDS)))] : invalid();
const initialMonths: Check = (v) =>
  Number.isInteger(v) && (v as number) >= 1 && (v as number) <= CUSTODY_RULES.remandInitialMaxMonths
    ? v
    : invalid();

const short = text(RULES.shortTextMaxLength);

/**
 * What a correction may change, field by field, for each event type. Identities (case, person,
 * group) are never corrected: a fact about the wrong person is corrected by recording the right
 * facts. An event's time can always be corrected.
 */
export const CORRECTABLE_FIELDS: Partial<Record<CaseEventType, Record<string, Check>>> = {
  'case.opened': {
    borderSection: text(RULES.borderSectionMaxLength),
    summary: text(RULES.caseSummaryMaxLength),
  },
  'case.criminal-complaint-filed': { prosecutorOffice: short, reference: short },
  'case.referred-to-prosecution': { prosecutorOffice: short },
  'case.indictment-filed': { court: short, reference: short },
  'case.closed': { reason: choice(CLOSURE_REASONS), note },
  'person.suspect-arrested': { nationality, slovenianCitizen: bool, place: short },
  'person.migrant-apprehended': { nationality, minor: bool, place: short },
  'person.identity-established': { method: choice(IDENTIFICATION_METHODS), nationality },
  'custody.detention-decision-issued': { reference: short },
  'custody.brought-before-judge': { court: short },
  'custody.remand-ordered': { court: short, grounds, months: initialMonths },
  'custody.remand-extended': { reference: short },
  'custody.released': { reason: choice(RELEASE_REASONS), note },
  'custody.handed-over': { country: choice(PARTNER_COUNTRIES), authority: short },
  'custody.safeguard-provided': { by: short, detail: note },
  'custody.safeguard-delayed': { reason: text(RULES.noteMaxLength), authorisedBy: short },
  'custody.detention-place-recorded': { facility: short },
  'protection.asylum-intent-expressed': { statement: choice(INTENT_STATEMENTS) },
  'protection.referred-to-asylum-centre': { facility: choice(ASYLUM_FACILITIES) },
  'protection.left-reception': { facility: choice(ASYLUM_FACILITIES) },
};

/** The correctable fields of an event type (none for a type the table does not name). */
export function correctableFieldsOf(type: string): Readonly<Record<string, Check>> {
  return (
    (Object.hasOwn(CORRECTABLE_FIELDS, type) && CORRECTABLE_FIELDS[type as CaseEventType]) || {}
  );
}

/** Rules that tie fields together, checked on the corrected data as a whole. */
export function assertCoherent(type: string, data: Record<string, unknown>): void {
  if (type === 'person.suspect-arrested') {
    assertCitizenship(data.nationality as Nationality, data.slovenianCitizen as boolean);
  }
  if (type === 'person.migrant-apprehended' && data.nationality === SLOVENIA) {
    throw new DomainError(
      'PERSON.SLOVENIAN_NOT_MIGRANT',
      'A Slovenian national is not an apprehended migrant.',
    );
  }
}
