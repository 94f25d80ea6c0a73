import {
  BORDER_DETENTION_MAX_HOURS,
  DeskClock,
  DeskStanding,
  RemandUse,
  addHours,
  deskStanding,
} from '@app/domain';
import { APP_CONFIG, AppConfig } from '@app/platform';
import { CustodyClockRow, CustodyHeldRow, SafeguardCell } from '@app/read-models';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One person held, with everything the desk shows of them and how their clocks stand. */
export interface DeskEntry {
  /** The case (or, in border detention, the procedure) and the person: unique on the desk. */
  readonly key: string;
  readonly detention: 'criminal-custody' | 'border-detention';
  readonly caseId: string | null;
  readonly procedureId: string | null;
  readonly personId: string;
  readonly directorate: string;
  readonly role: 'suspect' | 'migrant';
  readonly nationality: string | null;
  readonly minor: boolean;
  readonly phase: string;
  readonly heldSince: Date;
  readonly caseReference: string | null;
  readonly caseSummary: string | null;
  readonly detentionPlace: string | null;
  readonly court: string | null;
  readonly responsibleOfficer: string | null;
  readonly remand: RemandUse | null;
  readonly safeguards: readonly SafeguardCell[];
  readonly standing: DeskStanding;
}

/**
 * Everyone held now, in criminal custody (the custody-board read model) or in border detention
 * (a procedure's detention runs until its referral, handover or release), with the standing of
 * their clocks at `now` as the domain judges it. The desk is small (the held, not the history),
 * so it is read whole per directorate and judged here, where the clock rules live, not in SQL.
 */
@Injectable()
export class CustodyDesk {
  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async entries(directorate: string | null, now: Date): Promise<DeskEntry[]> {
    const where = directorate ? { directorate } : {};
    // Read in one transaction, so the held and their clocks are of the same moment.
    const [held, clocks, detained] = await this.db.transaction(
      'REPEATABLE READ',
      async (tx) =>
        [
          await tx.getRepository(CustodyHeldRow).find({ where }),
          await tx
            .getRepository(CustodyClockRow)
            .find({ where, order: { deadline: 'ASC', kind: 'ASC' } }),
          await tx.query<BorderDetentionRow[]>(
            `SELECT procedure_id, person_id, case_id, directorate, nationality, minor,
                    border_detention_at
               FROM read_model.procedures
              WHERE border_detention_at IS NOT NULL
                AND referred_at IS NULL AND handed_over_at IS NULL AND released_at IS NULL
                AND ($1::text IS NULL OR directorate = $1)`,
            [directorate],
          ),
        ] as const,
    );
    const clocksOf = new Map<string, DeskClock[]>();
    for (const c of clocks) {
      const key = `${c.caseId}:${c.personId}`;
      clocksOf.set(key, [
        ...(clocksOf.get(key) ?? []),
        {
          kind: c.kind as DeskClock['kind'],
          startedAt: c.startedAt,
          deadline: c.deadline,
          metAt: c.metAt,
        },
      ]);
    }
    const { staleAfterHours } = this.config.custodyDesk;
    const inCases = held.map((h): DeskEntry => {
      const key = `${h.caseId}:${h.personId}`;
      const remand =
        h.remandMonthsUsed === null
          ? null
          : {
              monthsUsed: h.remandMonthsUsed,
              ceilingMonths: h.remandCeilingMonths!,
              panelExtended: h.remandPanelExtended!,
            };
      return {
        key,
        detention: 'criminal-custody',
        caseId: h.caseId,
        procedureId: null,
        personId: h.personId,
        directorate: h.directorate,
        role: h.role as DeskEntry['role'],
        nationality: h.nationality,
        minor: h.minor,
        phase: h.phase,
        heldSince: h.heldSince,
        caseReference: h.caseReference,
        caseSummary: h.caseSummary,
        detentionPlace: h.detentionPlace,
        court: h.court,
        responsibleOfficer: h.responsibleOfficer,
        remand,
        safeguards: h.safeguards,
        standing: deskStanding(clocksOf.get(key) ?? [], now, staleAfterHours, remand),
      };
    });
    const inBorderDetention = detained.map((d): DeskEntry => {
      const startedAt = d.border_detention_at;
      const clock: DeskClock = {
        kind: 'border-detention',
        startedAt,
        deadline: addHours(startedAt, BORDER_DETENTION_MAX_HOURS),
        metAt: null,
      };
      return {
        key: `${d.procedure_id}:${d.person_id}`,
        detention: 'border-detention',
        caseId: d.case_id,
        procedureId: d.procedure_id,
        personId: d.person_id,
        directorate: d.directorate,
        role: 'migrant',
        nationality: d.nationality,
        minor: d.minor,
        phase: 'border-detention',
        heldSince: startedAt,
        caseReference: null,
        caseSummary: null,
        detentionPlace: null,
        court: null,
        responsibleOfficer: null,
        remand: null,
        safeguards: [],
        standing: deskStanding([clock], now, staleAfterHours),
      };
    });
    return [...inCases, ...inBorderDetention];
  }
}

interface BorderDetentionRow {
  procedure_id: string;
  person_id: string;
  case_id: string | null;
  directorate: string;
  nationality: string | null;
  minor: boolean;
  border_detention_at: Date;
}
