import { PostgresEventStore } from '@app/event-store';
import { AppConfig, createKafka, ensureTopic } from '@app/platform';
import {
  CasesProjection,
  ProjectionRunner,
  READ_MODEL_SCHEMA,
  createSchemaLike,
} from '@app/read-models';
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

/**
 * A runner goes on from where its tables are, not from where its consumer group is: after a
 * swap (or a restore) put tables in place that have read less than the group.
 */
describe('a projection runner replaying from its tables', () => {
  let database: TestDatabase;
  let config: AppConfig;
  let db: DataSource;
  let kafka: Kafka;
  const running: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    config = testConfig(database.url);
    db = await connect(config);
    kafka = createKafka(config.kafka, 'test');
    await ensureTopic(kafka, config.kafka);
    const relay = new OutboxRelay(kafka, config);
    relay.start();
    running.push(relay);
  });

  afterAll(async () => {
    for (const service of running.splice(0)) await service.stop();
    await db?.destroy();
    await database?.drop();
  });

  const store = () => new PostgresEventStore(db);
  const openCases = async (count: number) => {
    for (let i = 0; i < count; i++) {
      const caseId = randomUUID();
      await store().append({
        streamId: caseId,
        streamType: 'case',
        expectedVersion: 0,
        events: [caseOpened(caseId), noted(2)],
        metadata: metadata(),
      });
    }
  };
  const cases = async () =>
    (await db.query(`SELECT count(*)::int AS n FROM read_model.cases WHERE version = 2`))[0]
      .n as number;
  const runUntil = async (expected: number) => {
    const runner = new ProjectionRunner(
      { kind: 'live', projection: new CasesProjection() },
      kafka,
      db,
      config,
    );
    await runner.start();
    try {
      await eventually(async () => ((await cases()) === expected ? true : undefined), {
        what: `${expected} cases in the read model`,
      });
    } finally {
      await runner.stop();
    }
  };
  const tables = async (schema: string) =>
    (
      await db.query<{ tablename: string }[]>(
        `SELECT tablename FROM pg_tables WHERE schemaname = $1`,
        [schema],
      )
    ).map((t) => t.tablename);

  it('sets its group back to the offsets its tables record, and applies what they lack', async () => {
    await openCases(3);
    await runUntil(3);
    // Tables that have read three cases, as a rebuild that ended here would have built them.
    await createSchemaLike(db, READ_MODEL_SCHEMA, 'read_model_replay_copy');
    for (const table of await tables(READ_MODEL_SCHEMA)) {
      await db.query(`INSERT INTO read_model_replay_copy.${table} TABLE read_model.${table}`);
    }
    await openCases(2);
    await runUntil(5);

    // Those tables put back: the group has committed the offsets of five cases, they hold three.
    for (const table of await tables(READ_MODEL_SCHEMA)) {
      await db.query(`DELETE FROM read_model.${table}`);
      await db.query(`INSERT INTO read_model.${table} TABLE read_model_replay_copy.${table}`);
    }
    await expect(cases()).resolves.toBe(3);
    await runUntil(5);
    await expect(db.query(`SELECT count(*)::int AS n FROM read_model.case_facts`)).resolves.toEqual(
      [{ n: 10 }],
    );
    await expect(
      db.query(`SELECT sum(next_offset)::int AS read FROM read_model.projection_progress`),
    ).resolves.toEqual([{ read: 10 }]);
  });
});
