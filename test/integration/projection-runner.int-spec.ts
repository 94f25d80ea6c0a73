import { EventEnvelope, PostgresEventStore } from '@app/event-store';
import { AppConfig, createKafka, ensureTopic } from '@app/platform';
import { CasesProjection, ProjectionRunner, StreamGapError, applyOnce } from '@app/read-models';
import { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../../apps/relay/src/outbox-relay';
import { caseOpened, metadata, noted } from '../harness/fixtures';
import {
  TestDatabase,
  connect,
  createTestDatabase,
  eventually,
  testConfig,
} from '../harness/test-env';

describe('projection runner', () => {
  let database: TestDatabase;
  let config: AppConfig;
  let db: DataSource;
  let store: PostgresEventStore;
  let kafka: Kafka;
  const running: { stop(): Promise<void> }[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    config = testConfig(database.url);
    db = await connect(config);
    store = new PostgresEventStore(db);
    kafka = createKafka(config.kafka, 'test');
    await ensureTopic(kafka, config.kafka);
  });

  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
    await db?.destroy();
    await database?.drop();
  });

  const openCase = async (caseId: string, notes: number) => {
    await store.append({
      streamId: caseId,
      streamType: 'case',
      expectedVersion: 0,
      events: [caseOpened(caseId), ...Array.from({ length: notes }, (_, i) => noted(i + 2))],
      metadata: metadata(),
    });
    return store.readStream(caseId);
  };
  const inReadModel = (work: (tx: import('typeorm').EntityManager) => Promise<void>) =>
    db.transaction(async (tx) => {
      await tx.query('SET LOCAL search_path TO read_model');
      await work(tx);
    });
  const summaries = () =>
    db.query('SELECT case_id, summary, version FROM read_model.cases ORDER BY case_id');

  it('applies a batch with its redeliveries once, each stream in order', async () => {
    const [a, b] = [randomUUID(), randomUUID()].sort();
    const streamA = await openCase(a, 2);
    const streamB = await openCase(b, 1);
    const projection = new CasesProjection();
    // Interleaved streams, and a redelivery of what came before, as Kafka may hand them over.
    await inReadModel((tx) =>
      applyOnce(projection, [streamA[0], streamB[0], streamA[1], streamA[0], streamB[1]], tx),
    );
    await inReadModel((tx) => applyOnce(projection, [...streamA, ...streamB], tx));

    await expect(summaries()).resolves.toEqual([
      { case_id: a, summary: 'Note 3.', version: 3 },
      { case_id: b, summary: 'Note 2.', version: 2 },
    ]);
    await expect(
      db.query(
        `SELECT stream_id, version FROM read_model.projection_checkpoints ORDER BY stream_id`,
      ),
    ).resolves.toEqual([
      { stream_id: a, version: 3 },
      { stream_id: b, version: 2 },
    ]);
    await expect(db.query(`SELECT count(*)::int AS n FROM read_model.case_facts`)).resolves.toEqual(
      [{ n: 5 }],
    );
  });

  it('refuses to apply a version whose predecessor it has not seen, and applies nothing of the batch', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const streamA = await openCase(a, 2);
    const streamB = await openCase(b, 0);
    const batch: EventEnvelope[] = [streamB[0], streamA[0], streamA[2]];

    await expect(inReadModel((tx) => applyOnce(new CasesProjection(), batch, tx))).rejects.toThrow(
      StreamGapError,
    );
    await expect(summaries()).resolves.toEqual([]);
    await expect(
      db.query(`SELECT count(*)::int AS n FROM read_model.projection_checkpoints`),
    ).resolves.toEqual([{ n: 0 }]);
  });

  it('builds a projection emptied of its rows again from the topic, whatever its group committed', async () => {
    const relay = new OutboxRelay(kafka, config);
    relay.start();
    running.push(relay);
    const caseIds = [randomUUID(), randomUUID(), randomUUID()];
    for (const caseId of caseIds) await openCase(caseId, 1);
    const caughtUp = () =>
      eventually(
        async () =>
          (await db.query(`SELECT count(*)::int AS n FROM read_model.cases WHERE version = 2`))[0]
            .n === caseIds.length
            ? true
            : undefined,
        { what: 'the cases projection to catch up' },
      );

    const first = new ProjectionRunner(
      { kind: 'live', projection: new CasesProjection() },
      kafka,
      db,
      config,
    );
    await first.start();
    await caughtUp();
    const before = await summaries();
    await first.stop();

    // What a migration that changes the projection's tables does: empties them.
    await db.query(`DELETE FROM read_model.cases`);
    await db.query(`DELETE FROM read_model.case_persons`);
    await db.query(`DELETE FROM read_model.case_facts WHERE projection = 'cases'`);
    await db.query(`DELETE FROM read_model.projection_checkpoints WHERE projection = 'cases'`);
    await db.query(`DELETE FROM read_model.projection_progress WHERE projection = 'cases'`);

    const second = new ProjectionRunner(
      { kind: 'live', projection: new CasesProjection() },
      kafka,
      db,
      config,
    );
    running.push(second);
    await second.start();
    await caughtUp();
    await expect(summaries()).resolves.toEqual(before);
    await expect(
      db.query(
        `SELECT sum(next_offset)::int AS applied FROM read_model.projection_progress WHERE projection = 'cases'`,
      ),
    ).resolves.toEqual([{ applied: 6 }]);
  });
});
