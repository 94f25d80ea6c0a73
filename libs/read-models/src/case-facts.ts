import { CaseEvent, CaseFile, evolveCase, initialCaseState } from '@app/domain';
import { EventEnvelope } from '@app/event-store';
import { EntityManager } from 'typeorm';

/**
 * The facts of each case as one projection received them. A correction changes what earlier
 * facts said, so a projection that must honour corrections refolds the case from these with
 * the domain's own evolve function instead of patching its rows.
 */
export async function recordFact(
  projection: string,
  envelope: EventEnvelope,
  tx: EntityManager,
): Promise<void> {
  await tx.query(
    `INSERT INTO read_model.case_facts
       (projection, case_id, version, event_id, type, schema_version, occurred_at, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      projection,
      envelope.streamId,
      envelope.streamVersion,
      envelope.eventId,
      envelope.type,
      envelope.schemaVersion,
      envelope.occurredAt,
      envelope.data,
    ],
  );
}

/** The case as the domain folds the facts this projection has of it. */
export async function foldCase(
  projection: string,
  caseId: string,
  tx: EntityManager,
): Promise<CaseFile> {
  const facts: FactRow[] = await tx.query(
    `SELECT version, event_id, type, schema_version, occurred_at, data
       FROM read_model.case_facts WHERE projection = $1 AND case_id = $2 ORDER BY version`,
    [projection, caseId],
  );
  // Folding a partial history would show a wrong case: better to stop the projection.
  if (facts.some((f, i) => f.version !== i + 1)) {
    throw new Error(
      `read_model.case_facts lacks versions of case ${caseId} for ${projection}; rebuild it`,
    );
  }
  const file = facts
    .map(
      (f) =>
        ({
          type: f.type,
          schemaVersion: f.schema_version,
          occurredAt: f.occurred_at,
          data: f.data,
          eventId: f.event_id,
        }) as CaseEvent,
    )
    .reduce(evolveCase, initialCaseState);
  if (file.status === 'none') throw new Error(`case ${caseId} has no opening among its facts`);
  return file;
}

interface FactRow {
  version: number;
  event_id: string;
  type: string;
  schema_version: number;
  occurred_at: Date;
  data: unknown;
}
