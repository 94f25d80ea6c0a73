import { ProcedureEvent } from '@app/domain';
import { EventEnvelope, toDomainEvent } from '@app/event-store';
import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Projection } from '../projection';

/**
 * A procedure's row, or what a batch's later facts say of it, as the `procedures` table's
 * columns. Null: not said. The opening's columns are null in a patch of later facts.
 */
export interface ProcedureColumns {
  readonly procedure_id: string;
  readonly person_id: string | null;
  readonly group_id: string | null;
  readonly directorate: string | null;
  readonly border_section: string | null;
  readonly came_from: string | null;
  readonly place: string | null;
  readonly apprehended_at: Date | null;
  readonly nationality: string | null;
  readonly nationality_at: Date | null;
  readonly minor: boolean | null;
  readonly case_id: string | null;
  readonly joint_operation: string | null;
  readonly border_detention_at: Date | null;
  readonly intent_at: Date | null;
  readonly referral_destination: string | null;
  readonly referred_at: Date | null;
  readonly handed_over_at: Date | null;
  readonly released_at: Date | null;
  readonly left_asylum_home_at: Date | null;
  readonly version: number;
  readonly last_position: string;
  readonly updated_at: string;
}

/**
 * One row per procedure. Facts may be entered late and in any order, and the domain folds a
 * procedure by when its facts happened (foldProcedure), so every column merges by time, not by
 * arrival: a step keeps the latest instant on record, the referral and the nationality the one
 * with the latest instant (on a tie, the later entry, as the fold's stable sort has it).
 *
 * A merge needs only the row and the new facts, never the earlier facts: unlike the case
 * projections, this one keeps no facts and refolds nothing. A batch is one statement: the
 * procedures it opens are inserted with their later facts of the same batch already merged in
 * memory, and the others are merged in SQL by the same rules (`mergeProcedureColumns`, mirrored in
 * MERGE_SQL), however many procedures and events the batch holds.
 */
@Injectable()
export class ProceduresProjection implements Projection {
  readonly name = 'procedures';

  async apply(facts: readonly EventEnvelope[], tx: EntityManager): Promise<void> {
    const opened = new Map<string, ProcedureColumns>();
    const patches = new Map<string, ProcedureColumns>();
    for (const envelope of facts) {
      const fact = procedureColumnsOf(envelope);
      const target =
        envelope.type === 'procedure.foreigner-apprehended' || opened.has(envelope.streamId)
          ? opened
          : patches;
      const before = target.get(envelope.streamId);
      target.set(envelope.streamId, before ? mergeProcedureColumns(before, fact) : fact);
    }
    // An UPDATE answers its rows and its row count (TypeORM's Postgres driver).
    const [merged]: [{ procedure_id: string }[], number] = await tx.query(MERGE_SQL, [
      JSON.stringify([...opened.values()]),
      JSON.stringify([...patches.values()]),
    ]);
    // A later fact of a procedure never opened here: merging it would show a wrong procedure.
    if (merged.length !== patches.size) {
      const found = new Set(merged.map((r) => r.procedure_id));
      const orphan = [...patches.keys()].find((id) => !found.has(id));
      throw new Error(`procedures: procedure ${orphan} has no opening among its applied facts`);
    }
  }
}

/**
 * Inserts the opened procedures and merges the patches into the rows there are; the two sets
 * are disjoint (an opening is a stream's first version, applied once), so the insert's rows,
 * which the update cannot see in the same statement, need no merge.
 */
const MERGE_SQL = `
  WITH opened AS (
    INSERT INTO procedures SELECT * FROM jsonb_populate_recordset(NULL::procedures, $1::jsonb)
  )
  UPDATE procedures p SET
    nationality = CASE WHEN b.nationality_at >= p.nationality_at
                       THEN b.nationality ELSE p.nationality END,
    nationality_at = GREATEST(p.nationality_at, b.nationality_at),
    case_id = coalesce(b.case_id, p.case_id),
    border_detention_at = GREATEST(p.border_detention_at, b.border_detention_at),
    intent_at = GREATEST(p.intent_at, b.intent_at),
    referral_destination = CASE WHEN b.referred_at >= p.referred_at
                                  OR (b.referred_at IS NOT NULL AND p.referred_at IS NULL)
                                THEN b.referral_destination ELSE p.referral_destination END,
    referred_at = GREATEST(p.referred_at, b.referred_at),
    handed_over_at = GREATEST(p.handed_over_at, b.handed_over_at),
    released_at = GREATEST(p.released_at, b.released_at),
    left_asylum_home_at = GREATEST(p.left_asylum_home_at, b.left_asylum_home_at),
    version = b.version,
    last_position = b.last_position,
    updated_at = b.updated_at
  FROM jsonb_populate_recordset(NULL::procedures, $2::jsonb) b
  WHERE p.procedure_id = b.procedure_id
  RETURNING p.procedure_id`;

/** What one fact says, as columns; the apprehension says the opening's. */
export function procedureColumnsOf(envelope: EventEnvelope): ProcedureColumns {
  const event = toDomainEvent<ProcedureEvent>(envelope);
  const at = event.occurredAt;
  const said: Partial<Record<keyof ProcedureColumns, unknown>> = {};
  switch (event.type) {
    case 'procedure.foreigner-apprehended': {
      const d = event.data;
      Object.assign(said, {
        person_id: d.personId,
        group_id: d.groupId,
        directorate: d.directorate,
        border_section: d.borderSection,
        came_from: d.cameFrom,
        place: d.place,
        apprehended_at: at,
        nationality: d.nationality,
        nationality_at: at,
        minor: d.minor,
        case_id: d.caseId,
        joint_operation: d.jointOperation,
      });
      break;
    }
    case 'procedure.border-detention-started':
      said.border_detention_at = at;
      break;
    case 'procedure.asylum-intent-expressed':
      said.intent_at = at;
      break;
    case 'procedure.referred':
      Object.assign(said, { referral_destination: event.data.destination, referred_at: at });
      break;
    case 'procedure.handed-over':
      said.handed_over_at = at;
      break;
    case 'procedure.released':
      said.released_at = at;
      break;
    case 'procedure.left-asylum-home':
      said.left_asylum_home_at = at;
      break;
    case 'procedure.linked-to-case':
      said.case_id = event.data.caseId;
      break;
    case 'procedure.nationality-established':
      Object.assign(said, { nationality: event.data.nationality, nationality_at: at });
      break;
  }
  return {
    ...NOTHING_SAID,
    ...said,
    procedure_id: envelope.streamId,
    version: envelope.streamVersion,
    last_position: envelope.position,
    updated_at: envelope.recordedAt,
  } as ProcedureColumns;
}

const NOTHING_SAID: Omit<
  ProcedureColumns,
  'procedure_id' | 'version' | 'last_position' | 'updated_at'
> = {
  person_id: null,
  group_id: null,
  directorate: null,
  border_section: null,
  came_from: null,
  place: null,
  apprehended_at: null,
  nationality: null,
  nationality_at: null,
  minor: null,
  case_id: null,
  joint_operation: null,
  border_detention_at: null,
  intent_at: null,
  referral_destination: null,
  referred_at: null,
  handed_over_at: null,
  released_at: null,
  left_asylum_home_at: null,
};

/**
 * `newer` (later stream versions) merged into `older`: what MERGE_SQL does in the table. The
 * opening's columns are the older's unless only the newer has them (it is the opening).
 */
export function mergeProcedureColumns(
  older: ProcedureColumns,
  newer: ProcedureColumns,
): ProcedureColumns {
  const opening = older.apprehended_at ? older : newer;
  const nationalityIsNewer = wins(newer.nationality_at, older.nationality_at);
  const referralIsNewer = wins(newer.referred_at, older.referred_at);
  return {
    procedure_id: older.procedure_id,
    person_id: opening.person_id,
    group_id: opening.group_id,
    directorate: opening.directorate,
    border_section: opening.border_section,
    came_from: opening.came_from,
    place: opening.place,
    apprehended_at: opening.apprehended_at,
    minor: opening.minor,
    joint_operation: opening.joint_operation,
    nationality: nationalityIsNewer ? newer.nationality : older.nationality,
    nationality_at: latest(older.nationality_at, newer.nationality_at),
    case_id: newer.case_id ?? older.case_id,
    border_detention_at: latest(older.border_detention_at, newer.border_detention_at),
    intent_at: latest(older.intent_at, newer.intent_at),
    referral_destination: referralIsNewer ? newer.referral_destination : older.referral_destination,
    referred_at: latest(older.referred_at, newer.referred_at),
    handed_over_at: latest(older.handed_over_at, newer.handed_over_at),
    released_at: latest(older.released_at, newer.released_at),
    left_asylum_home_at: latest(older.left_asylum_home_at, newer.left_asylum_home_at),
    version: newer.version,
    last_position: newer.last_position,
    updated_at: newer.updated_at,
  };
}

/** The newer value wins when it was said at the same time or later (a later entry of a tie). */
const wins = (newer: Date | null, older: Date | null) =>
  newer !== null && (older === null || newer.getTime() >= older.getTime());

/** GREATEST: the later instant, null only when neither is on record. */
const latest = (a: Date | null, b: Date | null) => (wins(b, a) ? b : a);
