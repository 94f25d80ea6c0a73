import { PostgresEventStore } from '@app/event-store';
import { AppConfig, createKafka, ensureTopic } from '@app/platform';
import { CasesProjection, ProjectionRunner } from '@app/read-models';
import { Kafka } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { OutboxRelay } from '../../apps/relay/src/outbox-relay';
import { caseOpened, metadata, noted } from '../harness/fixtures';
import { readWholeTopic, versionsByStream } from '../harness/kafka-reader';
import {
  TestDatabase,
  connect,
  createTestDatabase,
  eventually,
  testConfig,
} from '../harness/test-env';

/*
 * Holding a transaction open uses only real Postgres locks: a trigger, installed in this
 * test database alone, makes chosen statements wait on an advisory lock that the test holds.
 */
const HOLD_APPEND = 42;
const HOLD_OUTBOX_DELETE = 43;
const INSTALL_HOLDS = `
  CREATE TABLE held_streams (stream_id uuid PRIMARY KEY);
  CREATE TABLE held_deletes (on_hold boolean PRIMARY KEY);
  CREATE FUNCTION hold_append() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF EXISTS (SELECT 1 FROM held_streams WHERE stream_id = NEW.stream_id) THEN
      PERFORM pg_advisory_xact_lock_shared(${HOLD_APPEND});
    END IF;
    RETURN NEW;
  END $$;
  CREATE TRIGGER hold_append AFTER INSERT ON event_store.events
    FOR EACH ROW EXECUTE FUNCTION hold_append();
  CREATE FUNCTION hold_outbox_delete() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    IF EXISTS (SELECT 1 FROM held_deletes) THEN
      PERFORM pg_advisory_xact_lock_shared(${HOLD_OUTBOX_DELETE});
    END IF;
    RETURN NULL;
  END $$;
  CREATE TRIGGER hold_outbox_delete BEFORE DELETE ON event_store.outbox
    FOR EACH STATEMENT EXECUTE FUNCTION hold_outbox_delete();`;

describe('outbox relay', () => {
  let database: TestDatabase;
  let config: AppConfig;
  let db: DataSource;
  let store: PostgresEventStore;
  let kafka: Kafka;
  let holder: Client;
  const running: { stop(): Promise<void> }[] = [];

  beforeEach(async () => {
    database = await createTestDatabase();
    config = testConfig(database.url);
    db = await connect(config);
    await db.query(INSTALL_HOLDS);
    store = new PostgresEventStore(db);
    kafka = createKafka(config.kafka, 'test');
    await ensureTopic(kafka, config.kafka);
    holder = new Client({ connectionString: database.url });
    await holder.connect();
  });

  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
    await holder?.end();
    await db?.destroy();
    await database?.drop();
  });

  const startRelay = () => {
    const relay = new OutboxRelay(kafka, config);
    relay.start();
    running.push(relay);
    return relay;
  };
  const outboxSize = async () =>
    Number((await db.query('SELECT count(*) FROM event_store.outbox'))[0].count);
  const append = (
    streamId: string,
    expectedVersion: number,
    events = [noted(expectedVersion + 1)],
  ) =>
    store.append({ streamId, streamType: 'case', expectedVersion, events, metadata: metadata() });

  it('publishes an event whose transaction commits after later ones, and keeps each stream in order', async () => {
    startRelay();
    const late = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    await holder.query('SELECT pg_advisory_lock($1)', [HOLD_APPEND]);
    await db.query('INSERT INTO held_streams VALUES ($1)', [late]);

    // The late append takes its position, then waits inside its transaction.
    const lateAppend = append(late, 0, [caseOpened(late)]);
    await eventually(
      async () => {
        const [{ waiting }] = await db.query(
          `SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1`,
          [HOLD_APPEND],
        );
        return waiting === 1 ? true : undefined;
      },
      { what: 'the late append to wait' },
    );

    // Later transactions take higher positions and commit first; the relay publishes them.
    await append(a, 0, [caseOpened(a)]);
    await append(a, 1);
    await append(b, 0, [caseOpened(b)]);
    await append(a, 2);
    await append(b, 1);
    await eventually(async () => ((await outboxSize()) === 0 ? true : undefined), {
      what: 'the relay to drain',
    });
    const beforeLate = await readWholeTopic(config.kafka.brokers, config.kafka.topic);
    expect(beforeLate).toHaveLength(5);
    expect(beforeLate.some((m) => m.envelope.streamId === late)).toBe(false);

    await holder.query('SELECT pg_advisory_unlock($1)', [HOLD_APPEND]);
    const lateResult = await lateAppend;
    await append(late, 1);
    await eventually(async () => ((await outboxSize()) === 0 ? true : undefined), {
      what: 'the relay to drain',
    });

    const messages = await readWholeTopic(config.kafka.brokers, config.kafka.topic);
    // The trap: the late event's position is lower than positions published before it.
    const publishedBefore = beforeLate.map((m) => BigInt(m.envelope.position));
    expect(BigInt(lateResult.position) < publishedBefore.reduce((x, y) => (x > y ? x : y))).toBe(
      true,
    );
    expect(messages).toHaveLength(7);
    expect(Object.fromEntries(versionsByStream(messages))).toEqual({
      [a]: [1, 2, 3],
      [b]: [1, 2],
      [late]: [1, 2],
    });
  });

  it('is woken by the commit, not by its poll: with a poll of ten minutes it publishes each new event', async () => {
    config = { ...config, relay: { ...config.relay, pollIntervalMs: 600_000 } };
    startRelay();
    const stream = randomUUID();
    await append(stream, 0, [caseOpened(stream)]);
    await eventually(async () => ((await outboxSize()) === 0 ? true : undefined), {
      what: 'the first event to be published',
    });
    // The relay now waits on its ten-minute poll; each commit must wake it.
    for (let version = 1; version <= 3; version++) {
      await append(stream, version);
      await eventually(async () => ((await outboxSize()) === 0 ? true : undefined), {
        what: `event ${version + 1} to be published`,
        timeoutMs: 10_000,
      });
    }
    const messages = await readWholeTopic(config.kafka.brokers, config.kafka.topic);
    expect(Object.fromEntries(versionsByStream(messages))).toEqual({ [stream]: [1, 2, 3, 4] });
  });

  it('re-publishes after a crash between publish and acknowledgement, and the projector applies each event once', async () => {
    const projector = new ProjectionRunner(
      { kind: 'live', projection: new CasesProjection() },
      kafka,
      db,
      config,
    );
    await projector.start();
    running.push(projector);
    const cases = Array.from({ length: 5 }, () => randomUUID());
    for (const [i, caseId] of cases.entries()) {
      await append(caseId, 0, [caseOpened(caseId, i % 2 === 0 ? 'koper' : 'novo-mesto')]);
    }
    await append(cases[0], 1);

    // The relay publishes, then its outbox DELETE waits: the moment a crash would hurt most.
    await holder.query('SELECT pg_advisory_lock($1)', [HOLD_OUTBOX_DELETE]);
    await db.query('INSERT INTO held_deletes VALUES (true)');
    const crashing = startRelay();
    await eventually(
      async () => {
        const offsets = await topicEnd(kafka, config.kafka.topic);
        return offsets === 6 ? true : undefined;
      },
      { what: 'the first publication' },
    );
    // Crash: the relay's connection dies mid-transaction and the relay is gone.
    await db.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'relay'`,
    );
    await crashing.stop();
    await db.query('DELETE FROM held_deletes');
    await holder.query('SELECT pg_advisory_unlock($1)', [HOLD_OUTBOX_DELETE]);
    expect(await outboxSize()).toBe(6);

    startRelay();
    await eventually(async () => ((await outboxSize()) === 0 ? true : undefined), {
      what: 'the new relay to drain',
    });
    const messages = await readWholeTopic(config.kafka.brokers, config.kafka.topic);
    expect(messages).toHaveLength(12);
    expect(new Set(messages.map((m) => m.envelope.eventId)).size).toBe(6);

    // The projector has consumed every message, duplicates included...
    const group = `${config.projector.groupPrefix}.cases`;
    await eventually(
      async () => ((await committed(kafka, group, config.kafka.topic)) === 12 ? true : undefined),
      { what: 'the projector to consume all 12 messages' },
    );
    // ...and applied each event exactly once.
    await expect(db.query('SELECT count(*)::int AS n FROM read_model.cases')).resolves.toEqual([
      { n: 5 },
    ]);
    await expect(
      db.query(
        'SELECT directorate, count(*)::int AS cases FROM read_model.cases GROUP BY 1 ORDER BY 1',
      ),
    ).resolves.toEqual([
      { directorate: 'koper', cases: 3 },
      { directorate: 'novo-mesto', cases: 2 },
    ]);
    await expect(
      db.query(`SELECT summary FROM read_model.cases WHERE case_id = $1`, [cases[0]]),
    ).resolves.toEqual([{ summary: 'Note 2.' }]);
    await expect(
      db.query(`SELECT count(*)::int AS n FROM read_model.case_facts WHERE projection = 'cases'`),
    ).resolves.toEqual([{ n: 6 }]);
    await expect(
      db.query(
        `SELECT version FROM read_model.projection_checkpoints WHERE projection = 'cases' AND stream_id = $1`,
        [cases[0]],
      ),
    ).resolves.toEqual([{ version: 2 }]);
  });
});

async function topicEnd(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, p) => sum + Number(p.high), 0);
  } finally {
    await admin.disconnect();
  }
}

async function committed(kafka: Kafka, groupId: string, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const [offsets] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return offsets.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
  } finally {
    await admin.disconnect();
  }
}
