import {
  CommandExecutor,
  ConcurrencyConflictError,
  Idempotency,
  IdempotencyKeyReusedError,
  PostgresEventStore,
} from '@app/event-store';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { caseOpened, metadata, noted } from '../harness/fixtures';
import { TestDatabase, connect, createTestDatabase, testConfig } from '../harness/test-env';

describe('Postgres event store', () => {
  let database: TestDatabase;
  let db: DataSource;
  let store: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    db = await connect(testConfig(database.url), 40);
    store = new PostgresEventStore(db);
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  const open = (caseId: string, idempotency?: Idempotency) =>
    store.append({
      streamId: caseId,
      streamType: 'case',
      expectedVersion: 0,
      events: [caseOpened(caseId)],
      metadata: metadata(),
      idempotency,
    });
  const count = async (sql: string, params: unknown[] = []) =>
    Number((await db.query(sql, params))[0].count);

  it('stores the envelope and its publication record in one append', async () => {
    const caseId = randomUUID();
    const meta = metadata();
    const result = await store.append({
      streamId: caseId,
      streamType: 'case',
      expectedVersion: 0,
      events: [caseOpened(caseId), noted(2)],
      metadata: meta,
    });

    expect(result).toEqual({
      streamId: caseId,
      version: 2,
      position: expect.stringMatching(/^\d+$/),
    });
    const events = await store.readStream(caseId);
    expect(events.map((e) => [e.type, e.streamVersion, e.schemaVersion])).toEqual([
      ['case.opened', 1, 1],
      ['case.details-amended', 2, 1],
    ]);
    expect(events[0]).toMatchObject({
      streamId: caseId,
      streamType: 'case',
      occurredAt: '2024-03-13T22:15:00.000Z',
      metadata: meta,
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    // The store's clock, not the caller's: recorded just now.
    expect(Math.abs(Date.now() - Date.parse(events[0].recordedAt))).toBeLessThan(60_000);
    expect(BigInt(events[1].position)).toBeGreaterThan(BigInt(events[0].position));
    await expect(
      count(
        `SELECT count(*) FROM event_store.outbox o JOIN event_store.events e USING (position)
          WHERE e.stream_id = $1`,
        [caseId],
      ),
    ).resolves.toBe(2);
  });

  it('lets exactly one of many concurrent appends at the same version win', async () => {
    const caseId = randomUUID();
    const attempt = (expectedVersion: number, events = [noted(expectedVersion + 1)]) =>
      store.append({
        streamId: caseId,
        streamType: 'case',
        expectedVersion,
        events,
        metadata: metadata(),
      });
    const race = async (expectedVersion: number, events?: ReturnType<typeof noted>[]) => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 20 }, () => attempt(expectedVersion, events)),
      );
      const losers = outcomes
        .filter((o) => o.status === 'rejected')
        .map((o) => o.reason as unknown);
      return { winners: outcomes.length - losers.length, losers };
    };

    const first = await race(0, [caseOpened(caseId)]);
    expect(first.winners).toBe(1);
    expect(first.losers).toHaveLength(19);
    for (const loser of first.losers) {
      expect(loser).toBeInstanceOf(ConcurrencyConflictError);
      expect(loser).toMatchObject({
        expectedVersion: 0,
        currentVersion: 1,
        code: 'STREAM.VERSION_CONFLICT',
      });
    }

    const second = await race(1);
    expect(second.winners).toBe(1);
    for (const loser of second.losers) {
      expect(loser).toMatchObject({ expectedVersion: 1, currentVersion: 2 });
    }

    const versions = await db.query(
      `SELECT version, count(*)::int AS n FROM event_store.events WHERE stream_id = $1
        GROUP BY version ORDER BY version`,
      [caseId],
    );
    expect(versions).toEqual([
      { version: 1, n: 1 },
      { version: 2, n: 1 },
    ]);
    await expect(
      count(
        `SELECT count(*) FROM event_store.outbox o JOIN event_store.events e USING (position) WHERE e.stream_id = $1`,
        [caseId],
      ),
    ).resolves.toBe(2);
  });

  it('refuses an expected version the stream has not reached', async () => {
    const caseId = randomUUID();
    await open(caseId);

    await expect(
      store.append({
        streamId: caseId,
        streamType: 'case',
        expectedVersion: 3,
        events: [noted(4)],
        metadata: metadata(),
      }),
    ).rejects.toMatchObject({
      code: 'STREAM.VERSION_CONFLICT',
      expectedVersion: 3,
      currentVersion: 1,
    });
    await expect(
      count('SELECT count(*) FROM event_store.events WHERE stream_id = $1', [caseId]),
    ).resolves.toBe(1);
  });

  it('answers a retried command with the first result and stores nothing new', async () => {
    const idempotency = { key: `retry-${randomUUID()}`, requestHash: 'hash-of-the-request' };
    // Each retry picks a new case id, as the API does; only the first may leave events.
    const caseIds = Array.from({ length: 8 }, () => randomUUID());
    const attempts = await Promise.all(caseIds.map((caseId) => open(caseId, idempotency)));

    expect(new Set(attempts.map((a) => a.streamId)).size).toBe(1);
    await expect(
      count('SELECT count(*) FROM event_store.events WHERE stream_id = ANY($1::uuid[])', [caseIds]),
    ).resolves.toBe(1);

    const caseId = randomUUID();
    await expect(
      open(caseId, { key: idempotency.key, requestHash: 'a different request' }),
    ).rejects.toBeInstanceOf(IdempotencyKeyReusedError);
    await expect(
      count('SELECT count(*) FROM event_store.events WHERE stream_id = $1', [caseId]),
    ).resolves.toBe(0);
  });

  it('decides on a kept state with every event appended since, by whichever instance', async () => {
    const caseId = randomUUID();
    await open(caseId);
    // Two API instances, each keeping the states it decided on: the state is the notes so far.
    const instances = [new CommandExecutor(store), new CommandExecutor(store)];
    const summaries = (events: readonly { data: unknown }[]) =>
      events.map((e) => (e.data as { changes?: { summary: string } }).changes?.summary ?? 'opened');
    const note = (executor: CommandExecutor) =>
      executor.execute<string[], ReturnType<typeof noted> & { data: unknown }>({
        streamId: caseId,
        streamType: 'case',
        fold: (events) => summaries(events),
        evolve: (state, event) => [...state, ...summaries([event])],
        metadata: metadata(),
        // The next note's number is the version it makes: only right on the whole stream.
        decide: (state) => [noted(state.length + 1)],
      });
    for (let i = 0; i < 6; i++) await note(instances[i % 3 === 0 ? 0 : 1]);

    const stored = await store.readStream(caseId);
    expect(stored.map((e) => e.streamVersion)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(summaries(stored).slice(1)).toEqual(
      [2, 3, 4, 5, 6, 7].map((version) => `Note ${version}.`),
    );
  });

  describe('starting several streams in one command', () => {
    const start = (streamIds: string[], idempotency?: Idempotency) =>
      new CommandExecutor(store).startStreams({
        streamType: 'case',
        metadata: metadata(),
        idempotency,
        decide: () => streamIds.map((streamId) => ({ streamId, events: [caseOpened(streamId)] })),
        answer: () => ({ streamIds }),
      });
    const stored = (streamIds: string[]) =>
      count('SELECT count(*) FROM event_store.events WHERE stream_id = ANY($1::uuid[])', [
        streamIds,
      ]);

    it('stores every stream or none: one that exists fails them all', async () => {
      const taken = randomUUID();
      await open(taken);
      const fresh = Array.from({ length: 5 }, () => randomUUID());

      await expect(start([...fresh.slice(0, 3), taken, ...fresh.slice(3)])).rejects.toBeInstanceOf(
        ConcurrencyConflictError,
      );
      await expect(stored(fresh)).resolves.toBe(0);
      // The stream that was there is as it was.
      await expect(store.readStream(taken)).resolves.toHaveLength(1);

      const result = await start(fresh);
      expect(result.answer).toEqual({ streamIds: fresh });
      await expect(stored(fresh)).resolves.toBe(5);
    });

    it('answers concurrent retries with the first answer and stores the streams once', async () => {
      const idempotency = { key: `group-${randomUUID()}`, requestHash: 'hash-of-the-group' };
      // As the API does, each attempt picks new ids: only the first attempt's may be stored.
      const attempts = Array.from({ length: 6 }, () => [randomUUID(), randomUUID(), randomUUID()]);
      const results = await Promise.all(attempts.map((ids) => start(ids, idempotency)));

      const answers = new Set(results.map((r) => JSON.stringify(r.answer)));
      expect(answers.size).toBe(1);
      const winner = (results[0].answer as { streamIds: string[] }).streamIds;
      await expect(stored(attempts.flat())).resolves.toBe(3);
      await expect(stored(winner)).resolves.toBe(3);
    });
  });
});
