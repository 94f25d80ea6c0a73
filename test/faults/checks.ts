import { AppConfig, createKafka } from '@app/platform';
import { CASE_STREAM_TYPE } from '@app/domain';
import {
  projectionsOf,
  READ_MODEL_PROJECTIONS,
  READ_MODEL_SCHEMA,
  TableDifference,
  compareSchemas,
  dropSchema,
  rebuildReadModels,
} from '@app/read-models';
import { DataSource } from 'typeorm';
import { readWholeTopic } from '../harness/kafka-reader';
import { Ack, CommandKind } from './load';

const EVENT_TYPE: Record<CommandKind, string> = {
  open: 'case.opened',
  amend: 'case.details-amended',
  apprehend: 'person.migrant-apprehended',
};

export interface Checks {
  readonly acknowledged: number;
  readonly stored: number;
  /** Acknowledged, and not in the store at its (stream, version). */
  readonly lostInStore: number;
  /** In the store at the acknowledged (stream, version), but another event than the command's. */
  readonly wrongEventInStore: number;
  readonly topicMessages: number;
  /** Stored events the independent consumer did not see. */
  readonly missingOnTopic: number;
  /** Extra copies of a (stream, version) on the topic: allowed (at least once), counted. */
  readonly duplicatesOnTopic: number;
  /** A (stream, version) on the topic whose event id differs from the stored one. */
  readonly divergentOnTopic: number;
  /** Per-stream order violations on the topic, re-publish duplicates dropped first. */
  readonly reorderedOnTopic: number;
  readonly streamsOnSeveralPartitions: number;
  /** Per projection, stored events it has not applied. */
  readonly missingInReadModels: Record<string, number>;
  /** Per projection, applied facts that are not stored events (or applied twice). */
  readonly extraInReadModels: Record<string, number>;
  /** Cases whose read-model migrant count exceeds the acknowledged apprehensions: counted twice. */
  readonly overCountedMigrants: number;
  /** Cases whose read-model migrant count falls short of the acknowledged apprehensions. */
  readonly underCountedMigrants: number;
  /** Cases whose read-model version or summary is not the stored last one. */
  readonly staleCases: number;
  readonly rebuildDifferences: TableDifference[];
  readonly lost: number;
  readonly duplicatedEffect: number;
  readonly reordered: number;
}

interface StoredRow {
  stream_id: string;
  version: number;
  type: string;
  position: string;
  event_id: string;
  summary: string | null;
}

const key = (stream: string, version: number) => `${stream}:${version}`;

/** Everything the run acknowledged, against the store, the topic and the read models. */
export async function checkEverything(
  db: DataSource,
  config: AppConfig,
  acks: readonly Ack[],
): Promise<Checks> {
  const storedRows: StoredRow[] = await db.query(
    `SELECT stream_id, version, type, position::text AS position, event_id,
            data->'changes'->>'summary' AS summary
       FROM event_store.events WHERE stream_type = 'case'`,
  );
  const stored = new Map(storedRows.map((row) => [key(row.stream_id, row.version), row]));

  let lostInStore = 0;
  let wrongEventInStore = 0;
  const apprehensions = new Map<string, number>();
  const lastSummary = new Map<string, { seq: number; summary: string }>();
  for (const ack of acks) {
    const row = stored.get(key(ack.caseId, ack.version));
    if (!row) {
      lostInStore++;
      continue;
    }
    const summaryOk =
      ack.kind !== 'amend' ||
      row.summary === (ack.summary ?? `fault suite case, command ${ack.seq}`);
    if (row.type !== EVENT_TYPE[ack.kind] || row.position !== ack.position || !summaryOk) {
      wrongEventInStore++;
    }
    if (ack.kind === 'apprehend') {
      apprehensions.set(ack.caseId, (apprehensions.get(ack.caseId) ?? 0) + 1);
    }
    if (ack.kind === 'amend' && row.summary) {
      const last = lastSummary.get(ack.caseId);
      if (!last || last.seq < ack.seq)
        lastSummary.set(ack.caseId, { seq: ack.seq, summary: row.summary });
    }
  }

  // The topic, read by a consumer that shares nothing with the projector.
  const messages = await readWholeTopic(config.kafka.brokers, config.kafka.topic);
  const seen = new Map<string, number>();
  let divergentOnTopic = 0;
  let reorderedOnTopic = 0;
  const maxSeen = new Map<string, number>();
  const partitions = new Map<string, Set<number>>();
  for (const { envelope, partition } of messages) {
    const k = key(envelope.streamId, envelope.streamVersion);
    const before = seen.get(k) ?? 0;
    seen.set(k, before + 1);
    const row = stored.get(k);
    if (!row || row.event_id !== envelope.eventId) divergentOnTopic++;
    partitions.set(
      envelope.streamId,
      (partitions.get(envelope.streamId) ?? new Set()).add(partition),
    );
    if (before > 0) continue; // a re-publish: consumers drop it by stream version
    const max = maxSeen.get(envelope.streamId) ?? 0;
    if (envelope.streamVersion !== max + 1) reorderedOnTopic++;
    maxSeen.set(envelope.streamId, Math.max(max, envelope.streamVersion));
  }
  let missingOnTopic = 0;
  let duplicatesOnTopic = 0;
  for (const k of stored.keys()) if (!seen.has(k)) missingOnTopic++;
  for (const n of seen.values()) duplicatesOnTopic += n - 1;
  const streamsOnSeveralPartitions = [...partitions.values()].filter((p) => p.size > 1).length;

  // What each projection applied: one fact per (case, version), as the projector saw it.
  const facts: { projection: string; case_id: string; version: number; event_id: string }[] =
    await db.query(
      `SELECT projection, case_id, version, event_id FROM ${READ_MODEL_SCHEMA}.case_facts`,
    );
  const missingInReadModels: Record<string, number> = {};
  const extraInReadModels: Record<string, number> = {};
  // The projections that read cases keep their facts (the load makes no procedures).
  const applied = new Map<string, Map<string, number>>(
    projectionsOf(CASE_STREAM_TYPE).map((name) => [name, new Map<string, number>()]),
  );
  for (const fact of facts) {
    const mine = applied.get(fact.projection) ?? new Map<string, number>();
    applied.set(fact.projection, mine);
    const k = key(fact.case_id, fact.version);
    mine.set(k, (mine.get(k) ?? 0) + 1);
    if (stored.get(k)?.event_id !== fact.event_id || mine.get(k)! > 1) {
      extraInReadModels[fact.projection] = (extraInReadModels[fact.projection] ?? 0) + 1;
    }
  }
  const missingAnywhere = new Set<string>();
  for (const [projection, mine] of applied) {
    let missing = 0;
    for (const k of stored.keys()) {
      if (!mine.has(k)) {
        missing++;
        missingAnywhere.add(k);
      }
    }
    missingInReadModels[projection] = missing;
    extraInReadModels[projection] ??= 0;
  }

  // What a user reads: the migrant count of a case must be its acknowledged apprehensions.
  const cases: { case_id: string; migrants: number; version: number; summary: string }[] =
    await db.query(`SELECT case_id, migrants, version, summary FROM ${READ_MODEL_SCHEMA}.cases`);
  const storedVersion = new Map<string, number>();
  for (const row of storedRows) {
    storedVersion.set(row.stream_id, Math.max(storedVersion.get(row.stream_id) ?? 0, row.version));
  }
  let overCountedMigrants = 0;
  let underCountedMigrants = 0;
  let staleCases = storedVersion.size - cases.length;
  for (const row of cases) {
    const expected = apprehensions.get(row.case_id) ?? 0;
    if (row.migrants > expected) overCountedMigrants += row.migrants - expected;
    if (row.migrants < expected) underCountedMigrants += expected - row.migrants;
    const summary = lastSummary.get(row.case_id)?.summary;
    if (row.version !== storedVersion.get(row.case_id) || (summary && row.summary !== summary)) {
      staleCases++;
    }
  }

  // The read models against a clean rebuild from the topic's first event.
  const schema = 'read_model_rebuild_faults';
  await dropSchema(db, schema);
  await rebuildReadModels({
    db,
    kafka: createKafka(config.kafka, 'faults-rebuild'),
    config,
    projections: READ_MODEL_PROJECTIONS.map((Projection) => new Projection()),
    schema,
  });
  const rebuildDifferences = await compareSchemas(db, READ_MODEL_SCHEMA, schema);
  await dropSchema(db, schema);

  const extra = Object.values(extraInReadModels).reduce((a, b) => a + b, 0);
  return {
    acknowledged: acks.length,
    stored: stored.size,
    lostInStore,
    wrongEventInStore,
    topicMessages: messages.length,
    missingOnTopic,
    duplicatesOnTopic,
    divergentOnTopic,
    reorderedOnTopic,
    streamsOnSeveralPartitions,
    missingInReadModels,
    extraInReadModels,
    overCountedMigrants,
    underCountedMigrants,
    staleCases,
    rebuildDifferences,
    lost:
      lostInStore +
      wrongEventInStore +
      missingOnTopic +
      [...missingAnywhere].filter((k) => seen.has(k)).length +
      underCountedMigrants,
    duplicatedEffect: overCountedMigrants + extra + divergentOnTopic,
    reordered: reorderedOnTopic + streamsOnSeveralPartitions,
  };
}
