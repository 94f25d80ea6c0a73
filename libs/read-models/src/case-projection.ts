import { CaseEvent, CaseFile, chronology, foldHistory, upcastCaseEvent } from '@app/domain';
import { EventEnvelope, toDomainEvent } from '@app/event-store';
import { EntityManager } from 'typeorm';
import { Projection, ProjectionName } from './projection';
import { insertRows } from './sql';

/** A case as the domain folds the facts one projection received of it. */
export interface ProjectedCase {
  readonly file: CaseFile;
  /** The latest event of the case the projection applied. */
  readonly last: EventEnvelope;
  /** Who opened the case: its responsible officer. Null for facts kept before actors were. */
  readonly openedBy: string | null;
}

/**
 * A projection whose rows of a case are a function of the whole case. A correction changes
 * what earlier facts said, so instead of patching rows event by event, such a projection keeps
 * the facts of each case it received and, once per batch, refolds every case the batch touched
 * with the domain's own fold and rewrites that case's rows. The facts are its own (a projection
 * never reads another's tables), so each can be rebuilt alone.
 *
 * A batch takes two statements, whatever the number of tables: one clears the touched cases'
 * rows and reads the facts kept of them before the batch; the other keeps the batch's facts and
 * inserts the new rows. The batch's own facts are folded as received, not read back: they are
 * what the store published, which is what keeping and reading them would give.
 */
export abstract class CaseProjection implements Projection {
  abstract readonly name: ProjectionName;

  /** The tables this projection fills, each keyed by a `case_id` column. */
  protected abstract readonly tables: readonly string[];

  /** The rows of one case, by table. */
  protected abstract rows(projected: ProjectedCase): Record<string, object[]>;

  async apply(facts: readonly EventEnvelope[], tx: EntityManager): Promise<void> {
    const latest = new Map(facts.map((e) => [e.streamId, e]));
    const caseIds = [...latest.keys()];
    // Different tables: the deletes and the read see the same snapshot and cannot collide.
    const kept: FactRow[] = await tx.query(
      `WITH ${this.tables
        .map((table, i) => `gone_${i} AS (DELETE FROM ${table} WHERE case_id = ANY($2::uuid[]))`)
        .join(', ')}
       SELECT case_id, version, event_id, type, schema_version, occurred_at, data, actor_id
         FROM case_facts WHERE projection = $1 AND case_id = ANY($2::uuid[])
        ORDER BY case_id, version`,
      [this.name, caseIds],
    );
    const rows = new Map<string, object[]>(this.tables.map((table) => [table, []]));
    const openers = new Map([
      ...kept.filter((f) => f.version === 1).map((f) => [f.case_id, f.actor_id] as const),
      ...facts
        .filter((e) => e.streamVersion === 1)
        .map((e) => [e.streamId, e.metadata.actorId] as const),
    ]);
    for (const file of foldCases(this.name, kept, facts)) {
      const projected = {
        file,
        last: latest.get(file.caseId)!,
        openedBy: openers.get(file.caseId) ?? null,
      };
      for (const [table, tableRows] of Object.entries(this.rows(projected))) {
        rows.get(table)!.push(...tableRows);
      }
    }
    rows.set(
      'case_facts',
      facts.map((e) => ({
        projection: this.name,
        case_id: e.streamId,
        version: e.streamVersion,
        event_id: e.eventId,
        type: e.type,
        schema_version: e.schemaVersion,
        occurred_at: e.occurredAt,
        data: e.data,
        actor_id: e.metadata.actorId,
      })),
    );
    await insertRows(tx, rows);
  }
}

/** Each case's kept facts (in version order) followed by the batch's, folded. */
function foldCases(
  projection: string,
  kept: readonly FactRow[],
  facts: readonly EventEnvelope[],
): CaseFile[] {
  const histories = new Map<string, CaseEvent[]>();
  const add = (caseId: string, version: number, event: CaseEvent) => {
    const history = histories.get(caseId) ?? [];
    // Folding a partial history would show a wrong case: better to stop the projection.
    if (version !== history.length + 1) {
      throw new Error(`case_facts lacks versions of case ${caseId} for ${projection}`);
    }
    history.push(event);
    histories.set(caseId, history);
  };
  for (const fact of kept) {
    // Facts are kept as they were published; older schema versions are lifted when folded.
    add(
      fact.case_id,
      fact.version,
      upcastCaseEvent({
        type: fact.type,
        schemaVersion: fact.schema_version,
        occurredAt: fact.occurred_at,
        data: fact.data,
        eventId: fact.event_id,
      } as CaseEvent),
    );
  }
  for (const event of facts) {
    add(event.streamId, event.streamVersion, toDomainEvent<CaseEvent>(event));
  }
  return [...histories.entries()].map(([caseId, history]) => {
    const file = foldHistory(history);
    if (file.status === 'none') throw new Error(`case ${caseId} has no opening among its facts`);
    return file;
  });
}

interface FactRow {
  case_id: string;
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  occurred_at: Date;
  data: unknown;
  actor_id: string | null;
}

/** Each person's standing facts in the case (corrections applied, withdrawals left out), in time order. */
export function factsByPerson(file: CaseFile): Map<string, CaseEvent[]> {
  const byPerson = new Map<string, CaseEvent[]>();
  for (const event of chronology(file.history)) {
    const { personId } = event.data as { personId?: string };
    if (!personId) continue;
    const facts = byPerson.get(personId) ?? [];
    facts.push(event);
    byPerson.set(personId, facts);
  }
  return byPerson;
}
