/*
 * Given/when/then for the joint operation decisions: given past events, when a command, then
 * the events decided or the code of the refusal.
 */
import { refusalOf } from '../../case/testing/case-scenario';
import { JointOperationEvent, PartnerFiguresReported, jointOperationEvent } from '../events';
import { ReportPartnerFigures } from '../report-partner-figures/report-partner-figures.command';
import { reportPartnerFigures } from '../report-partner-figures/report-partner-figures.decision';
import { foldJointOperation } from '../state/joint-operation.state';

/** "Now" in every scenario: a few days after the tighter joint control of 13-15 March 2024. */
export const NOW = new Date('2024-03-18T12:00:00Z');
export const CODE = 'HR-SI-2024-03';

/** An instant in March 2024, e.g. at('09:30', 18). */
export const at = (time: string, day = 18): Date =>
  new Date(`2024-03-${String(day).padStart(2, '0')}T${time}:00Z`);

export function given(...events: JointOperationEvent[]) {
  const state = foldJointOperation(events);
  return {
    state,
    when: (command: ReportPartnerFigures) => ({
      events: () => reportPartnerFigures(command, state, NOW),
      refusal: () => refusalOf(() => reportPartnerFigures(command, state, NOW)),
    }),
  };
}

/** The Croatian police's figures on the sections the mixed patrols covered, as released. */
export const reported = (
  data: Partial<PartnerFiguresReported['data']> = {},
  occurredAt = at('10:00'),
) =>
  jointOperationEvent<PartnerFiguresReported>(
    'joint-operation.partner-figures-reported',
    occurredAt,
    {
      code: CODE,
      partnerCountry: 'HR',
      authority: 'Croatian police (MUP RH)',
      area: 'covered-sections',
      migrants: 172,
      smugglers: 3,
      source: 'Joint press release, March 2024',
      ...data,
    },
  );
