import { createKafka } from '@app/platform';
import {
  READ_MODEL_PROJECTIONS,
  READ_MODEL_SCHEMA,
  compareSchemas,
  rebuildReadModels,
} from '@app/read-models';
import { generateHistory } from '../harness/generated-history';
import { projectionsCaughtUp, useSystem } from '../harness/system';

const REBUILT = 'read_model_rebuild_test';

/** Every projection rebuilt from the topic's first event equals what the live projector built. */
describe('rebuilding the read models from the topic', () => {
  const sut = useSystem();
  let caseIds: string[];

  const rowsOf = async (schema: string, table: string) =>
    Number((await sut.db.query(`SELECT count(*) AS n FROM ${schema}.${table}`))[0].n);

  beforeAll(async () => {
    ({ caseIds } = await generateHistory(sut.system.baseUrl, sut.db, {
      seed: 5,
      cases: 12,
      from: '2023-12-01T00:00:00Z',
      to: '2024-02-01T00:00:00Z',
    }));
    await projectionsCaughtUp(sut.system.baseUrl);
  });

  it('builds tables equal to the live ones, row for row', async () => {
    const events = await sut.eventCount();
    const progress: [number, number][] = [];
    const result = await rebuildReadModels({
      db: sut.db,
      kafka: createKafka(sut.config.kafka, 'test-rebuild'),
      config: sut.config,
      projections: READ_MODEL_PROJECTIONS.map((Projection) => new Projection()),
      schema: REBUILT,
      onProgress: (done, total) => progress.push([done, total]),
    });

    expect(result).toEqual({ schema: REBUILT, messages: events });
    const total = READ_MODEL_PROJECTIONS.length * events;
    expect(progress.at(-1)).toEqual([total, total]);
    await expect(compareSchemas(sut.db, READ_MODEL_SCHEMA, REBUILT)).resolves.toEqual([]);
    // Equal, and not equally empty.
    await expect(rowsOf(REBUILT, 'cases')).resolves.toBe(caseIds.length);
    // The four case projections keep each case event (procedures keeps no facts).
    await expect(rowsOf(REBUILT, 'case_facts')).resolves.toBe(4 * events);
    for (const table of ['case_persons', 'statistics_persons', 'person_cases']) {
      expect({ table, rows: await rowsOf(REBUILT, table) }).toEqual({
        table,
        rows: await rowsOf(READ_MODEL_SCHEMA, table),
      });
      expect(await rowsOf(REBUILT, table)).toBeGreaterThan(caseIds.length);
    }
    // The rebuild's consumer groups are gone again; the live ones are untouched.
    const admin = createKafka(sut.config.kafka, 'test-rebuild').admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    await admin.disconnect();
    const ours = groups
      .map((g) => g.groupId)
      .filter((g) => g.startsWith(sut.config.projector.groupPrefix));
    expect(ours.sort()).toEqual(
      ['cases', 'custody-board', 'people', 'procedures', 'statistics'].map(
        (name) => `${sut.config.projector.groupPrefix}.${name}`,
      ),
    );
  });

  it('names a live table whose rows differ from what the history makes', async () => {
    const [caseId] = caseIds;
    await sut.db.query(`UPDATE read_model.cases SET migrants = migrants + 1 WHERE case_id = $1`, [
      caseId,
    ]);
    try {
      await expect(compareSchemas(sut.db, READ_MODEL_SCHEMA, REBUILT)).resolves.toEqual([
        { table: 'cases', onlyInFirst: 1, onlyInSecond: 1 },
      ]);
    } finally {
      await sut.db.query(`UPDATE read_model.cases SET migrants = migrants - 1 WHERE case_id = $1`, [
        caseId,
      ]);
    }
  });

  it('stops on an event it cannot apply, drops what it built, and leaves no group behind', async () => {
    const kafka = createKafka(sut.config.kafka, 'test-rebuild', {
      initialRetryTime: 50,
      retries: 1,
    });
    const producer = kafka.producer();
    await producer.connect();
    await producer.send({
      topic: sut.config.kafka.topic,
      messages: [{ key: caseIds[0], value: 'not an event envelope' }],
    });
    await producer.disconnect();

    await expect(
      rebuildReadModels({
        db: sut.db,
        kafka,
        config: sut.config,
        projections: READ_MODEL_PROJECTIONS.map((Projection) => new Projection()),
        schema: 'read_model_rebuild_failed',
      }),
    ).rejects.toThrow();
    await expect(
      sut.db.query(`SELECT nspname FROM pg_namespace WHERE nspname = 'read_model_rebuild_failed'`),
    ).resolves.toEqual([]);
    const admin = kafka.admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    await admin.disconnect();
    expect(groups.filter((g) => g.groupId.includes('read_model_rebuild_failed'))).toEqual([]);
  });
});
