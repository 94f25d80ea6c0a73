/*
 * A builder of the joint operation's command, with plausible defaults; a test overrides what
 * it is about. Used by its spec and by the table of time rules (shared/time-rules.spec.ts).
 */
import { ReportPartnerFigures } from '../report-partner-figures/report-partner-figures.command';
import { CODE, at } from './joint-operation-scenario';

/** The Croatian police's figures for the covered sections, as they would be typed in. */
export const reportPartnerFigures = (
  overrides: Partial<ReportPartnerFigures> = {},
): ReportPartnerFigures => ({
  type: 'ReportPartnerFigures',
  occurredAt: at('10:00'),
  code: `  ${CODE} `,
  partnerCountry: 'HR',
  authority: ' Croatian police (MUP RH) ',
  area: 'covered-sections',
  migrants: 172,
  smugglers: 3,
  source: ' Joint press release, March 2024 ',
  ...overrides,
});
