import {
  CASE_ID,
  MIGRANT,
  SUSPECT,
  apprehended,
  arrested,
  at,
  decisionIssued,
  detained,
  opened,
} from '../../../domain/src/case/testing/case-scenario';
import { OFFICER, projectedCase } from '../testing/projected-case';
import { custodyBoardRowsOf } from './custody-board.projection';

/** A driver arrested at 09:00 and detained at 09:30; a migrant apprehended, not held. */
const detention = [
  opened(at('08:00')),
  arrested(SUSPECT, at('09:00'), 'RS'),
  apprehended(MIGRANT, at('09:10'), 'SY'),
  detained(at('09:30'), SUSPECT),
];

/** What every clock row of the held suspect repeats, to filter and show the board by. */
const suspectOnBoard = {
  case_id: CASE_ID,
  person_id: SUSPECT,
  directorate: 'novo-mesto',
  role: 'suspect',
  nationality: 'RS',
  phase: 'police-detention',
  held_since: at('09:00'),
};

/** The deadline of the first duty still to be met: what the desk acts on next. */
const nextDeadline = (clocks: readonly { deadline: Date; met_at: Date | null }[]) =>
  new Date(Math.min(...clocks.filter((c) => c.met_at === null).map((c) => c.deadline.getTime())));

describe('the custody board projection', () => {
  it('shows a held suspect with the clocks of police detention, both running from the arrest', () => {
    // Given a suspect in police detention, no written decision yet
    const projected = projectedCase(detention);

    // When the board's rows are made
    const rows = custodyBoardRowsOf(projected);

    // Then the suspect is on the board, the migrant is not
    expect(rows.custody_held).toEqual([
      {
        case_id: CASE_ID,
        person_id: SUSPECT,
        directorate: 'novo-mesto',
        case_reference: 'NM-2024-0B6C7C1E',
        case_summary: 'Van with 12 migrants stopped near Obrežje.',
        role: 'suspect',
        nationality: 'RS',
        minor: false,
        phase: 'police-detention',
        held_since: at('09:00'),
        detention_place: null,
        court: null,
        responsible_officer: OFFICER,
        remand_months_used: null,
        remand_ceiling_months: null,
        remand_panel_extended: null,
        // Owed at once: the rights, and an interpreter to a foreigner.
        safeguards: ['rights-information', 'interpreter'].map((safeguard) => ({
          safeguard,
          status: 'open',
          dueSince: at('09:00'),
          providedAt: null,
          providedBy: null,
          detail: null,
          delayed: null,
        })),
      },
    ]);
    // 48 hours in police hands; a written decision within 6 hours of the arrest
    expect(rows.custody_clocks).toEqual([
      {
        ...suspectOnBoard,
        kind: 'police-custody',
        started_at: at('09:00'),
        deadline: at('09:00', 16),
        met_at: null,
      },
      {
        ...suspectOnBoard,
        kind: 'written-detention-decision',
        started_at: at('09:00'),
        deadline: at('15:00'),
        met_at: null,
      },
    ]);
    expect(nextDeadline(rows.custody_clocks)).toEqual(at('15:00'));
    expect(rows.custody_breaches).toEqual([]);
  });

  it('keeps a written decision issued late as a breach, and moves on to the next deadline', () => {
    // Given the suspect in police detention, when the decision is issued an hour late
    const rows = custodyBoardRowsOf(projectedCase([...detention, decisionIssued(at('16:00'))]));

    // Then its clock is met, the breach stays on record, and the 48 hours are what is next
    expect(rows.custody_clocks).toEqual([
      {
        ...suspectOnBoard,
        kind: 'police-custody',
        started_at: at('09:00'),
        deadline: at('09:00', 16),
        met_at: null,
      },
      {
        ...suspectOnBoard,
        kind: 'written-detention-decision',
        started_at: at('09:00'),
        deadline: at('15:00'),
        met_at: at('16:00'),
      },
    ]);
    expect(rows.custody_breaches).toEqual([
      {
        case_id: CASE_ID,
        person_id: SUSPECT,
        kind: 'written-detention-decision',
        started_at: at('09:00'),
        directorate: 'novo-mesto',
        deadline: at('15:00'),
        met_at: at('16:00'),
        ended_at: null,
      },
    ]);
    expect(nextDeadline(rows.custody_clocks)).toEqual(at('09:00', 16));
  });
});
