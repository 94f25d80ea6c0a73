import { PARTNER_COUNTRIES } from '../../case/events';
import { DomainError } from '../../shared/domain-error';
import { RULES } from '../../shared/rules';
import { assertNotInFuture } from '../../shared/time';
import { oneOf } from '../../values/one-of';
import { boundedText } from '../../values/text';
import { PARTNER_REPORT_AREAS, PartnerFiguresReported, jointOperationEvent } from '../events';
import { JointOperationState } from '../state/joint-operation.state';
import { ReportPartnerFigures } from './report-partner-figures.command';

/**
 * E.g. "the Croatian police discovered 172 migrants and three migrant smugglers on the border
 * sections covered by joint mixed patrols": kept as the partner reported it, apart from what
 * the Slovenian police recorded. One report per area of an operation.
 */
export function reportPartnerFigures(
  command: ReportPartnerFigures,
  state: JointOperationState,
  now: Date,
): PartnerFiguresReported[] {
  const code = boundedText(
    command.code,
    RULES.shortTextMaxLength,
    'OPERATION.INVALID_CODE',
    'The operation code',
  );
  assertNotInFuture(command.occurredAt, now);
  const partnerCountry = oneOf(
    PARTNER_COUNTRIES,
    command.partnerCountry,
    'OPERATION.INVALID_PARTNER',
  );
  const authority = boundedText(
    command.authority,
    RULES.shortTextMaxLength,
    'JOINT_OPERATION.INVALID_AUTHORITY',
    'The reporting authority',
  );
  const area = oneOf(PARTNER_REPORT_AREAS, command.area, 'JOINT_OPERATION.INVALID_AREA');
  const migrants = count(command.migrants, 'migrants');
  const smugglers = count(command.smugglers, 'smugglers');
  if (migrants === null && smugglers === null) {
    throw new DomainError(
      'JOINT_OPERATION.INVALID_COUNT',
      'A report gives the migrants, the smugglers or both.',
    );
  }
  const source = boundedText(
    command.source,
    RULES.shortTextMaxLength,
    'JOINT_OPERATION.INVALID_SOURCE',
    'The source',
  );
  if (state.reportedAreas.includes(area)) {
    throw new DomainError(
      'JOINT_OPERATION.ALREADY_REPORTED',
      "The partner's figures for this area of the operation are on record already; " +
        'correcting them is not supported yet.',
      // Not `code`: that key of a problem response is the code of the refusal.
      { operationCode: code, area },
    );
  }
  return [
    jointOperationEvent<PartnerFiguresReported>(
      'joint-operation.partner-figures-reported',
      command.occurredAt,
      { code, partnerCountry, authority, area, migrants, smugglers, source },
    ),
  ];
}

/** A figure as reported: a whole number of people, or null when the report gives none. */
function count(raw: number | null, what: string): number | null {
  if (raw === null) return null;
  if (!Number.isSafeInteger(raw) || raw < 0) {
    throw new DomainError(
      'JOINT_OPERATION.INVALID_COUNT',
      `The ${what} are a whole number, 0 or more, or null.`,
      { field: what },
    );
  }
  return raw;
}
