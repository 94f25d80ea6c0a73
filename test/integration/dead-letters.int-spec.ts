import { EventEnvelope, PostgresEventStore, toKafkaMessage } from '@app/event-store';
import { AppConfig, SystemClock, createKafka, deadLetterTopic, ensureTopic } from '@app/platform';
import {
  CasesProjection,
  DeadLetter,
  Projection,
  ProjectionRunner,
  ProjectionRunningError,
  StatisticsProjection,
} from '@app/read-models';
import { Kafka, Message } from 'kafkajs';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ApiMetrics } from '../../apps/api/src/observability/api-metrics';
import { listDeadLetters, redrive } from '../../apps/cli/src/dead-letters/dead-letters.command';
import { caseOpened, metadata, noted } from '../harness/fixtures';
import { headersOf, readTopicMessages } from '../harness/kafka-reader';
import {
  TestDatabase,
  connect,
  createTestDatabase,
  eventually,
  testConfig,
} from '../harness/test-env';

/** The cases projection with a bug that refuses some cases, until a "release" fixes it. */
class BuggyCasesProjection extends CasesProjection {
  constructor(private readonly refused: Set<string>) {
    super();
  }

  override async apply(events: readonly EventEnvelope[], tx: EntityManager): Promise<void> {
    if (events.some((e) => this.refused.has(e.streamId))) {
      throw new Error('this release cannot project the case');
    }
    await super.apply(events, tx);
  }
}

interface RawDeadLetter {
  readonly key: string | null;
  readonly value: Buffer | null;
  readonly headers: Record<string, string | undefined>;
}

/**
 * Events of a poison message a projection cannot apply: dead-lettered once, with the original
 * bytes and why, and then the projection stops there or skips it, as configured. Every event
 * goes to partition 0, so the order on the topic is the order given.
 */
describe('dead letters', () => {
  let database: TestDatabase;
  let db: DataSource;
  const running: { stop(): Promise<void> }[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await connect(testConfig(database.url));
  });

  afterEach(async () => {
    for (const service of running.splice(0)) await service.stop();
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  /** A system of its own (topic, groups, projection rows) per test, on the shared database. */
  const setUp = async (policy: 'stop' | 'skip') => {
    const config = testConfig(database.url, { PROJECTION_POISON_POLICY: policy });
    const kafka = createKafka(config.kafka, 'test');
    await ensureTopic(kafka, config.kafka);
    await db.query(`DELETE FROM read_model.projection_progress`);
    return { config, kafka };
  };

  const store = () => new PostgresEventStore(db);
  const openCase = async (caseId: string, notes: number) => {
    await store().append({
      streamId: caseId,
      streamType: 'case',
      expectedVersion: 0,
      events: [caseOpened(caseId), ...Array.from({ length: notes }, (_, i) => noted(i + 2))],
      metadata: metadata(),
    });
    return store().readStream(caseId);
  };
  const produce = async (kafka: Kafka, config: AppConfig, messages: Message[]) => {
    const producer = kafka.producer();
    await producer.connect();
    try {
      await producer.send({
        topic: config.kafka.topic,
        acks: -1,
        messages: messages.map((m) => ({ ...m, partition: 0 })),
      });
    } finally {
      await producer.disconnect();
    }
  };
  const run = async (projection: Projection, kafka: Kafka, config: AppConfig) => {
    const runner = new ProjectionRunner({ kind: 'live', projection }, kafka, db, config);
    running.push(runner);
    await runner.start();
    return runner;
  };
  const stopAll = async () => {
    for (const service of running.splice(0)) await service.stop();
  };
  const progress = async (projection: string): Promise<number | null> => {
    const rows: { next_offset: string }[] = await db.query(
      `SELECT next_offset FROM read_model.projection_progress
        WHERE projection = $1 AND partition = 0`,
      [projection],
    );
    return rows.length === 0 ? null : Number(rows[0].next_offset);
  };
  const reaches = (projection: string, offset: number) =>
    eventually(async () => ((await progress(projection)) === offset ? true : undefined), {
      what: `${projection} to apply up to offset ${offset}`,
    });
  const topicEnd = async (kafka: Kafka, config: AppConfig) => {
    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = await admin.fetchTopicOffsets(config.kafka.topic);
      return Number(offsets.find((p) => p.partition === 0)!.high);
    } finally {
      await admin.disconnect();
    }
  };
  const cases = (ids: readonly string[]) =>
    db.query(
      `SELECT case_id, version FROM read_model.cases WHERE case_id = ANY($1::uuid[])
        ORDER BY version, case_id`,
      [ids],
    );
  const facts = (ids: readonly string[]) =>
    db.query(
      `SELECT case_id, version FROM read_model.case_facts
        WHERE projection = 'cases' AND case_id = ANY($1::uuid[]) ORDER BY case_id, version`,
      [ids],
    );

  /** The dead-letter topic as it is, read by a consumer that shares no code with the runner. */
  const rawDeadLetters = async (config: AppConfig): Promise<RawDeadLetter[]> =>
    (await readTopicMessages(config.kafka.brokers, deadLetterTopic(config.kafka.topic))).map(
      ({ message }) => ({
        key: message.key?.toString() ?? null,
        value: message.value,
        headers: headersOf(message),
      }),
    );
  /** The dead-letter gauges as the API's /metrics shows them. */
  const deadLetterGauges = async (config: AppConfig) => {
    const metrics = new ApiMetrics(db, new SystemClock(), config);
    try {
      const text = await metrics.scrape();
      return text
        .split('\n')
        .filter((line) => line.startsWith('smuggling_cases_dead_letters'))
        .sort();
    } finally {
      await metrics.onModuleDestroy();
    }
  };
  const listed = async (config: AppConfig): Promise<DeadLetter[]> => {
    let output = '';
    await listDeadLetters(config, { json: true }, (text) => (output += text));
    return JSON.parse(output) as DeadLetter[];
  };

  it('with `stop`: stops the projection at the message, dead-letters it once, and applies it once redriven', async () => {
    const { config, kafka } = await setUp('stop');
    const [a, b, c, d] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const streamA = await openCase(a, 2);
    const [b1] = await openCase(b, 0);
    const [c1] = await openCase(c, 0);
    const [d1] = await openCase(d, 0);
    const messages = [streamA[0], streamA[1], b1, streamA[2], c1].map((e) => toKafkaMessage(e));
    await produce(kafka, config, messages);
    const refused = new Set([b]);

    const casesRunner = await run(new BuggyCasesProjection(refused), kafka, config);
    await run(new StatisticsProjection(), kafka, config);

    await expect(
      eventually(async () => casesRunner.stopped ?? undefined, { what: 'cases to stop' }),
    ).resolves.toEqual({ partition: 0, offset: '2' });
    // The other projection goes on past it.
    await reaches('statistics', 5);
    // Everything before the poison message applied, nothing after it.
    await expect(progress('cases')).resolves.toBe(2);
    await expect(cases([a, b, c])).resolves.toEqual([{ case_id: a, version: 2 }]);

    const [letter, ...more] = await rawDeadLetters(config);
    expect(more).toEqual([]);
    expect(letter.key).toBe(b);
    expect(letter.value?.equals(Buffer.from(messages[2].value as string))).toBe(true);
    expect(letter.headers).toEqual({
      ...messages[2].headers,
      'dlq-projection': 'cases',
      'dlq-error': 'Error: this release cannot project the case',
      'dlq-source-partition': '0',
      'dlq-source-offset': '2',
      'dlq-failed-at': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });

    await expect(deadLetterGauges(config)).resolves.toEqual([
      `smuggling_cases_dead_letters_pending{projection="cases"} 1`,
      `smuggling_cases_dead_letters_pending{projection="custody-board"} 0`,
      `smuggling_cases_dead_letters_pending{projection="people"} 0`,
      `smuggling_cases_dead_letters_pending{projection="procedures"} 0`,
      `smuggling_cases_dead_letters_pending{projection="statistics"} 0`,
      `smuggling_cases_dead_letters{topic="${deadLetterTopic(config.kafka.topic)}"} 1`,
    ]);

    // Its lag grows with every event after it, which the others apply.
    await expect(topicEnd(kafka, config)).resolves.toBe(5);
    await produce(kafka, config, [toKafkaMessage(d1)]);
    await reaches('statistics', 6);
    await expect(progress('cases')).resolves.toBe(2);
    await expect(topicEnd(kafka, config)).resolves.toBe(6);

    // A restart meets the message again: it stops there again, without a second dead letter.
    await stopAll();
    const restarted = await run(new BuggyCasesProjection(refused), kafka, config);
    await expect(
      eventually(async () => restarted.stopped ?? undefined, { what: 'cases to stop again' }),
    ).resolves.toEqual({ partition: 0, offset: '2' });
    await expect(rawDeadLetters(config).then((l) => l.length)).resolves.toBe(1);

    await expect(listed(config)).resolves.toEqual([
      {
        projection: 'cases',
        sourcePartition: 0,
        sourceOffset: '2',
        streamId: b,
        version: 1,
        type: 'case.opened',
        error: 'Error: this release cannot project the case',
        failedAt: letter.headers['dlq-failed-at'],
        partition: 0,
        offset: '0',
      },
    ]);

    // Not while the projection runs: it would not read its progress again.
    const quiet = () => undefined;
    await expect(redrive(config, { projection: 'cases' }, quiet)).rejects.toThrow(
      ProjectionRunningError,
    );

    // The release that can apply it: stopped, redriven, started.
    await stopAll();
    refused.clear();
    let output = '';
    const redriven = await redrive(config, { projection: 'cases' }, (t) => (output += t));
    expect(redriven.map((l) => [l.projection, l.sourcePartition, l.sourceOffset])).toEqual([
      ['cases', 0, '2'],
    ]);
    expect(output).toContain('1 dead letters redriven');
    // Idempotent: nothing is pending any more.
    await expect(redrive(config, { all: true }, quiet)).resolves.toEqual([]);
    await expect(listed(config)).resolves.toEqual([]);
    await expect(deadLetterGauges(config)).resolves.toEqual([
      `smuggling_cases_dead_letters_pending{projection="cases"} 0`,
      `smuggling_cases_dead_letters_pending{projection="custody-board"} 0`,
      `smuggling_cases_dead_letters_pending{projection="people"} 0`,
      `smuggling_cases_dead_letters_pending{projection="procedures"} 0`,
      `smuggling_cases_dead_letters_pending{projection="statistics"} 0`,
      `smuggling_cases_dead_letters{topic="${deadLetterTopic(config.kafka.topic)}"} 0`,
    ]);

    const fixed = await run(new CasesProjection(), kafka, config);
    await reaches('cases', 6);
    expect(fixed.stopped).toBeNull();
    await expect(cases([a, b, c, d])).resolves.toEqual(
      [
        { case_id: b, version: 1 },
        { case_id: c, version: 1 },
        { case_id: d, version: 1 },
      ]
        .sort((x, y) => x.case_id.localeCompare(y.case_id))
        .concat([{ case_id: a, version: 3 }]),
    );
    // Each event applied exactly once.
    await expect(facts([a, b, c, d])).resolves.toEqual(
      [
        { case_id: a, version: 1 },
        { case_id: a, version: 2 },
        { case_id: a, version: 3 },
        { case_id: b, version: 1 },
        { case_id: c, version: 1 },
        { case_id: d, version: 1 },
      ].sort((x, y) => x.case_id.localeCompare(y.case_id) || x.version - y.version),
    );
    await expect(rawDeadLetters(config)).resolves.toEqual([]);
  });

  it('with `skip`: goes on past each poison message and the rest of its stream, each dead-lettered once', async () => {
    const { config, kafka } = await setUp('skip');
    const [a, b, r, x] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const streamA = await openCase(a, 2);
    const streamB = await openCase(b, 1);
    const streamR = await openCase(r, 1);
    // Well-formed, but the fold refuses it: a case whose first event is not its opening.
    const unopened: EventEnvelope = {
      ...streamB[1],
      streamId: x,
      streamVersion: 1,
      eventId: randomUUID(),
    };
    // Written by a release newer than this one.
    const newer: EventEnvelope = { ...streamA[1], schemaVersion: 99 };
    const messages: Message[] = [
      toKafkaMessage(streamA[0]), // 0
      { key: x, value: '{"type": "case.opened", "streamId": ', headers: {} }, // 1: not JSON
      toKafkaMessage(unopened), // 2
      toKafkaMessage(newer), // 3
      toKafkaMessage(streamA[2]), // 4: its stream stopped at version 1
      toKafkaMessage(streamR[0]), // 5: refused by this release
      toKafkaMessage(streamB[0]), // 6
      toKafkaMessage(streamR[1]), // 7: its stream stopped before version 1
      toKafkaMessage(streamB[1]), // 8
    ];
    await produce(kafka, config, messages);
    const refused = new Set([r]);

    await run(new BuggyCasesProjection(refused), kafka, config);
    await reaches('cases', 9);
    await expect(cases([a, b, r, x])).resolves.toEqual([
      { case_id: a, version: 1 },
      { case_id: b, version: 2 },
    ]);

    const letters = await rawDeadLetters(config);
    expect(letters.map((l) => [l.key, l.headers['dlq-source-offset']])).toEqual([
      [x, '1'],
      [x, '2'],
      [a, '3'],
      [a, '4'],
      [r, '5'],
      [r, '7'],
    ]);
    expect(letters.map((l) => l.headers['dlq-error'])).toEqual([
      'UndecodableMessageError: Undecodable event message: value is not JSON',
      `Error: case ${x} has no opening among its facts`,
      'UnknownSchemaVersionError: case.details-amended v99 is newer than this release reads (v1); upgrade it.',
      `StreamGapError: cases: stream ${a} is at version 1, cannot apply version 3`,
      'Error: this release cannot project the case',
      `StreamGapError: cases: stream ${r} is at version 0, cannot apply version 2`,
    ]);
    expect(letters[0].value?.toString()).toBe(messages[1].value);
    expect(letters.every((l) => l.headers['dlq-projection'] === 'cases')).toBe(true);

    // A crash before the progress was recorded reads them all again: no second dead letter.
    await stopAll();
    await db.query(`DELETE FROM read_model.projection_progress WHERE projection = 'cases'`);
    await run(new BuggyCasesProjection(refused), kafka, config);
    await reaches('cases', 9);
    await expect(rawDeadLetters(config).then((l) => l.length)).resolves.toBe(6);
    await expect(facts([a, b, r, x])).resolves.toEqual(
      [
        { case_id: a, version: 1 },
        { case_id: b, version: 1 },
        { case_id: b, version: 2 },
      ].sort((p, q) => p.case_id.localeCompare(q.case_id) || p.version - q.version),
    );

    let text = '';
    await listDeadLetters(config, {}, (t) => (text += t));
    expect(text.split('\n').filter(Boolean)).toEqual([
      ...[
        [1, x, 'no version', 'no type'],
        [2, x, 'version 1', 'case.details-amended'],
        [3, a, 'version 2', 'case.details-amended'],
        [4, a, 'version 3', 'case.details-amended'],
        [5, r, 'version 1', 'case.opened'],
        [7, r, 'version 2', 'case.details-amended'],
      ].map(([offset, stream, version, type], i) =>
        [
          'cases',
          `partition 0 offset ${offset}`,
          `stream ${stream}`,
          version,
          type,
          `failed at ${letters[i].headers['dlq-failed-at']}`,
          letters[i].headers['dlq-error'],
        ].join(' | '),
      ),
      '6 dead letters pending',
    ]);

    // The release that can project R: R is applied, in order; the others fail again, and
    // are dead-lettered again (once each).
    await stopAll();
    refused.clear();
    await expect(
      redrive(config, { all: true }, () => undefined).then((l) => l.length),
    ).resolves.toBe(6);
    await expect(progress('cases')).resolves.toBe(1);
    await run(new CasesProjection(), kafka, config);
    await reaches('cases', 9);
    await expect(facts([a, b, r, x])).resolves.toEqual(
      [
        { case_id: a, version: 1 },
        { case_id: b, version: 1 },
        { case_id: b, version: 2 },
        { case_id: r, version: 1 },
        { case_id: r, version: 2 },
      ].sort((p, q) => p.case_id.localeCompare(q.case_id) || p.version - q.version),
    );
    await expect(
      listed(config).then((l) => l.map((d) => [d.sourceOffset, d.streamId])),
    ).resolves.toEqual([
      ['1', x],
      ['2', x],
      ['3', a],
      ['4', a],
    ]);
  });
});
