import { ConsultationLog, IntegrityReport, verifyIntegrity } from '@app/audit';
import { createKafka, sealSql } from '@app/platform';
import { Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { openCaseWithPeople, useSystem } from '../harness/system';
import { eventually } from '../harness/test-env';

/**
 * Tampering as someone with the database's superuser would do it: the append-only triggers
 * are bypassed (session_replication_role = replica) and rows are changed directly. Each kind
 * of tampering must be found, named at its first place, and the store verifies clean again
 * once it is undone.
 */
describe('tamper evidence: hash chains over the event store and the consultation log', () => {
  const sut = useSystem();
  let kafka: Kafka;
  let log: ConsultationLog;
  /** Three cases of three events each, all sealed and published. */
  let cases: string[];

  const verify = (): Promise<IntegrityReport> =>
    verifyIntegrity(sut.db, { kafka: { client: kafka, topic: sut.config.kafka.topic } });

  /** Runs `sql` past the append-only triggers, as a superuser could. */
  const tamper = (db: DataSource, ...statements: [string, unknown[]?][]) =>
    db.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      for (const [sql, params] of statements) await tx.query(sql, params ?? []);
    });

  interface EventRowCopy {
    position: string;
    [column: string]: unknown;
  }
  const eventsOf = (caseId: string): Promise<EventRowCopy[]> =>
    sut.db.query(
      `SELECT position::text AS position, event_id, stream_id, stream_type, version, type,
              schema_version, data, metadata, occurred_at::text AS occurred_at,
              recorded_at::text AS recorded_at, hash
         FROM event_store.events WHERE stream_id = $1 ORDER BY version`,
      [caseId],
    );
  const ledgerOf = (positions: string[]): Promise<Record<string, unknown>[]> =>
    sut.db.query(
      `SELECT seq, position, hash, sealed_at::text AS sealed_at FROM event_store.ledger
        WHERE position = ANY($1::bigint[]) ORDER BY seq`,
      [positions],
    );
  /** Puts deleted rows back exactly as they were, positions included (instants as text, to the microsecond). */
  const restoreEvents = (rows: EventRowCopy[]): [string, unknown[]][] =>
    rows.map((r) => [
      `INSERT INTO event_store.events (position, event_id, stream_id, stream_type, version, type,
         schema_version, data, metadata, occurred_at, recorded_at, hash)
       OVERRIDING SYSTEM VALUE VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
      [
        r.position,
        r.event_id,
        r.stream_id,
        r.stream_type,
        r.version,
        r.type,
        r.schema_version,
        JSON.stringify(r.data),
        JSON.stringify(r.metadata),
        r.occurred_at,
        r.recorded_at,
        r.hash,
      ],
    ]);
  const restoreLedger = (rows: Record<string, unknown>[]): [string, unknown[]][] =>
    rows.map((r) => [
      `INSERT INTO event_store.ledger (seq, position, hash, sealed_at) VALUES ($1, $2, $3, $4)`,
      [r.seq, r.position, r.hash, r.sealed_at],
    ]);

  /** What someone who knows the algorithm runs to make one event's stream hash fit again. */
  const recompute = `
    UPDATE event_store.events e SET hash = sha256(coalesce(
      (SELECT p.hash FROM event_store.events p WHERE p.stream_id = e.stream_id AND p.version = e.version - 1),
      ''::bytea) || convert_to(jsonb_build_array(e.event_id::text, e.stream_id::text, e.stream_type,
      e.version, e.type, e.schema_version, e.data, e.metadata,
      (extract(epoch FROM e.occurred_at) * 1000000)::bigint,
      (extract(epoch FROM e.recorded_at) * 1000000)::bigint)::text, 'UTF8'))
    WHERE e.stream_id = $1 AND e.version = $2`;

  /** Alters the second event of a three-event stream and makes the stream's hashes fit again. */
  const alterSecondAndRecompute = (rows: EventRowCopy[]): [string, unknown[]][] => [
    [
      `UPDATE event_store.events SET data = jsonb_set(data, '{place}', '"Metlika"') WHERE position = $1`,
      [rows[1].position],
    ],
    [recompute, [rows[1].stream_id, 2]],
    [recompute, [rows[1].stream_id, 3]],
  ];
  /** Undoes alterSecondAndRecompute: the rows' data and hashes as they were. */
  const restoreDataAndHashes = (rows: EventRowCopy[]): [string, unknown[]][] =>
    rows.map((r) => [
      `UPDATE event_store.events SET data = $2::jsonb, hash = $3 WHERE position = $1`,
      [r.position, JSON.stringify(r.data), r.hash],
    ]);

  beforeAll(async () => {
    kafka = createKafka(sut.config.kafka, 'tamper-test');
    log = new ConsultationLog(sut.db);
    cases = [];
    for (let i = 0; i < 3; i++) cases.push((await openCaseWithPeople(sut.system.baseUrl)).caseId);
    for (let i = 0; i < 3; i++)
      await log.record({
        actorId: 'auditor-1',
        role: 'auditor',
        directorate: null,
        action: 'consultation',
        purpose: 'GET /cases/:caseId',
        records: [{ kind: 'case', id: cases[i] }],
        justification: 'Annual lawfulness check of custody records.',
        recipient: null,
        correlationId: `corr-${i}`,
      });
    await eventually(async () => ((await verify()).pending === 0 ? true : undefined), {
      what: 'the relay to seal and publish every event',
    });
  });

  afterEach(async () => {
    // Each test undoes its tampering: the next starts from an intact store.
    const report = await verify();
    expect(report.breaks).toEqual([]);
  });

  it('verifies an untouched store as intact, with every event sealed and the chain head named', async () => {
    const report = await verify();
    expect(report).toEqual({
      intact: true,
      breaks: [],
      events: 9,
      streams: 3,
      sealed: 9,
      pending: 0,
      ledgerHead: { seq: '9', hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      consultations: 3,
      publishedChecked: expect.any(Number),
    });
    expect(report.publishedChecked).toBeGreaterThan(0);
  });

  /**
   * How Postgres refuses `sql`. A TRUNCATE ... CASCADE locks the tables the relay is sealing and
   * publishing from at that moment, so Postgres may end a deadlock by cancelling it before the
   * append-only trigger answers (40P01): that is no answer about the trigger, and it is sent again.
   */
  const refusalOf = async (sql: string): Promise<Error> => {
    for (let attempt = 1; ; attempt++) {
      try {
        await sut.db.query(sql);
      } catch (error) {
        if (
          (error as { driverError?: { code?: string } }).driverError?.code === '40P01' &&
          attempt < 10
        )
          continue;
        return error as Error;
      }
      throw new Error(`${sql} was not refused`);
    }
  };

  it('refuses UPDATE, DELETE and TRUNCATE of events, ledger and log without the superuser bypass', async () => {
    for (const sql of [
      `UPDATE event_store.events SET type = type`,
      `DELETE FROM event_store.events`,
      `TRUNCATE event_store.events CASCADE`,
      `UPDATE event_store.ledger SET hash = hash`,
      `DELETE FROM event_store.ledger`,
      `DELETE FROM audit.consultation_log`,
      `UPDATE audit.consultation_log SET justification = 'none'`,
    ])
      await expect(refusalOf(sql)).resolves.toHaveProperty(
        'message',
        expect.stringMatching(/is append-only/),
      );
    expect((await verify()).events).toBe(9);
  });

  it('finds an altered event at its position', async () => {
    const [, second] = await eventsOf(cases[1]);
    await tamper(sut.db, [
      `UPDATE event_store.events SET data = jsonb_set(data, '{place}', '"Metlika"') WHERE position = $1`,
      [second.position],
    ]);
    const report = await verify();
    expect(report.intact).toBe(false);
    expect(report.breaks).toEqual([
      { kind: 'event-altered', position: second.position, streamId: cases[1], version: 2 },
    ]);
    await tamper(sut.db, [
      `UPDATE event_store.events SET data = $2::jsonb WHERE position = $1`,
      [second.position, JSON.stringify(second.data)],
    ]);
  });

  it('finds an altered event even when its stream hashes were recomputed to match', async () => {
    const rows = await eventsOf(cases[0]);

    await tamper(sut.db, ...alterSecondAndRecompute(rows));
    // The database alone: the stream chain is consistent again; the ledger, which chained the
    // old hashes, is not. (The topic's copy may differ too, if this stream ends a partition.)
    const report = await verifyIntegrity(sut.db);
    expect(report.breaks).toEqual([
      { kind: 'ledger-altered', seq: expect.any(String), position: rows[1].position },
    ]);
    await tamper(sut.db, ...restoreDataAndHashes(rows));
  });

  it('finds a history rewritten chains and all through the topic, and against a head written down', async () => {
    const head = (await verify()).ledgerHead!;
    const rows = await eventsOf(cases[0]);
    const links: Record<string, unknown>[] = await sut.db.query(
      `SELECT seq, position, hash, sealed_at::text AS sealed_at FROM event_store.ledger ORDER BY seq`,
    );
    const unsealedAndPublished = `SELECT e.position, e.hash FROM event_store.events e
      WHERE NOT EXISTS (SELECT 1 FROM event_store.ledger l WHERE l.position = e.position)
        AND NOT EXISTS (SELECT 1 FROM event_store.outbox o WHERE o.position = e.position)`;
    await tamper(
      sut.db,
      ...alterSecondAndRecompute(rows),
      [`DELETE FROM event_store.ledger`],
      [sealSql(unsealedAndPublished), [1000]],
    );
    // Every chain inside the database fits again: the database alone cannot tell.
    await expect(verifyIntegrity(sut.db)).resolves.toMatchObject({ intact: true, breaks: [] });
    // The topic's ledger links and the head written down can.
    const report = await verifyIntegrity(sut.db, {
      kafka: { client: kafka, topic: sut.config.kafka.topic },
      expectHead: head,
    });
    // The topic's check names the first partition it reads that no longer fits. One ending
    // with the rewritten stream has lost its event as published (its hash changed); any other
    // has lost its ledger link. Which it is depends on how the streams' ids fell on partitions.
    const where = {
      partition: expect.any(Number),
      offset: expect.any(String),
      streamId: expect.any(String),
      version: expect.any(Number),
    };
    expect(report.breaks).toEqual([
      { kind: 'ledger-rewritten', seq: head.seq },
      report.breaks[1]?.kind === 'published-event-missing'
        ? { kind: 'published-event-missing', ...where, streamId: cases[0] }
        : { kind: 'ledger-rewritten', seq: expect.any(String), ...where },
    ]);
    await tamper(
      sut.db,
      ...restoreDataAndHashes(rows),
      [`DELETE FROM event_store.ledger`],
      ...restoreLedger(links),
    );
  });

  it('finds a deleted event: a gap in its stream and a sealed event gone from the store', async () => {
    const rows = await eventsOf(cases[2]);
    await tamper(sut.db, [
      `DELETE FROM event_store.events WHERE position = $1`,
      [rows[1].position],
    ]);
    const report = await verify();
    expect(report.breaks).toEqual([
      { kind: 'stream-gap', position: rows[2].position, streamId: cases[2], version: 3 },
      { kind: 'event-missing', seq: expect.any(String), position: rows[1].position },
    ]);
    await tamper(sut.db, ...restoreEvents([rows[1]]));
  });

  it('finds a whole stream deleted with its ledger links, from the database alone', async () => {
    const rows = await eventsOf(cases[1]);
    const links = await ledgerOf(rows.map((r) => r.position));
    await tamper(
      sut.db,
      [
        `DELETE FROM event_store.ledger WHERE position = ANY($1::bigint[])`,
        [rows.map((r) => r.position)],
      ],
      [`DELETE FROM event_store.events WHERE stream_id = $1`, [cases[1]]],
    );
    // Without the topic: the ledger's sequence now skips the stream's links.
    const report = await verifyIntegrity(sut.db);
    expect(report.breaks).toEqual([
      { kind: 'ledger-gap', seq: String(Number(links[2].seq) + 1), position: expect.any(String) },
    ]);
    expect(report.publishedChecked).toBeNull();
    await tamper(sut.db, ...restoreEvents(rows), ...restoreLedger(links));
  });

  it('finds the latest events cut from the end of the store, ledger and all, through the topic', async () => {
    const rows = await eventsOf(cases[2]);
    const links = await ledgerOf(rows.map((r) => r.position));
    await tamper(
      sut.db,
      [
        `DELETE FROM event_store.ledger WHERE position = ANY($1::bigint[])`,
        [rows.map((r) => r.position)],
      ],
      [`DELETE FROM event_store.events WHERE stream_id = $1`, [cases[2]]],
    );
    const report = await verify();
    // Inside the database the shorter chain is consistent: only the topic's copy shows the cut.
    expect(report.breaks).toEqual([
      {
        kind: 'published-event-missing',
        partition: expect.any(Number),
        offset: expect.any(String),
        streamId: cases[2],
        version: 3,
      },
    ]);
    expect(report.ledgerHead?.seq).toBe('6');
    await tamper(sut.db, ...restoreEvents(rows), ...restoreLedger(links));
  });

  it('finds an event inserted behind the store, even with a correctly chained hash', async () => {
    const [, , last] = await eventsOf(cases[1]);
    await tamper(sut.db, [
      `INSERT INTO event_store.events (event_id, stream_id, stream_type, version, type, schema_version,
         data, metadata, occurred_at, recorded_at, hash)
       SELECT gen_random_uuid(), stream_id, stream_type, 4, 'case.closed', 1, '{"reason":"x"}',
              metadata, occurred_at, recorded_at, hash
         FROM event_store.events WHERE position = $1`,
      [last.position],
    ]);
    const [forged] = (await eventsOf(cases[1])).slice(3);
    await tamper(sut.db, [
      `UPDATE event_store.events e SET hash = sha256(p.hash || convert_to(jsonb_build_array(
         e.event_id::text, e.stream_id::text, e.stream_type, e.version, e.type, e.schema_version,
         e.data, e.metadata, (extract(epoch FROM e.occurred_at) * 1000000)::bigint,
         (extract(epoch FROM e.recorded_at) * 1000000)::bigint)::text, 'UTF8'))
         FROM event_store.events p WHERE e.position = $1 AND p.position = $2`,
      [forged.position, last.position],
    ]);
    const report = await verify();
    expect(report.breaks).toEqual([
      { kind: 'event-unsealed', position: forged.position, streamId: cases[1], version: 4 },
    ]);
    await tamper(sut.db, [`DELETE FROM event_store.events WHERE position = $1`, [forged.position]]);
  });

  it('finds two events of a stream swapped in order', async () => {
    const [, second, third] = await eventsOf(cases[1]);
    const swap = (a: EventRowCopy, b: EventRowCopy): [string, unknown[]] => [
      `UPDATE event_store.events SET type = $2, data = $3::jsonb, occurred_at = $4 WHERE position = $1`,
      [a.position, b.type, JSON.stringify(b.data), b.occurred_at],
    ];
    await tamper(sut.db, swap(second, third), swap(third, second));
    const report = await verify();
    expect(report.breaks).toEqual([
      { kind: 'event-altered', position: second.position, streamId: cases[1], version: 2 },
    ]);
    await tamper(sut.db, swap(second, second), swap(third, third));
  });

  it('finds two ledger links swapped in order', async () => {
    const links = await ledgerOf((await eventsOf(cases[0])).map((r) => r.position));
    const [a, b] = links;
    await tamper(
      sut.db,
      [`DELETE FROM event_store.ledger WHERE seq = ANY($1::bigint[])`, [[a.seq, b.seq]]],
      ...restoreLedger([
        { ...a, position: b.position },
        { ...b, position: a.position },
      ]),
    );
    const report = await verify();
    expect(report.breaks).toEqual([
      { kind: 'ledger-altered', seq: String(a.seq), position: String(b.position) },
    ]);
    await tamper(
      sut.db,
      [`DELETE FROM event_store.ledger WHERE seq = ANY($1::bigint[])`, [[a.seq, b.seq]]],
      ...restoreLedger([a, b]),
    );
  });

  it('finds an altered, a removed and a cut consultation log entry', async () => {
    // As JSON, so that every column goes back exactly as it was.
    const entries: Record<string, unknown>[] = (
      await sut.db.query<{ row: Record<string, unknown> }[]>(
        `SELECT to_jsonb(c) AS row FROM audit.consultation_log c ORDER BY seq`,
      )
    ).map((r) => r.row);
    const [first, second, last] = entries;

    await tamper(sut.db, [
      `UPDATE audit.consultation_log SET justification = 'Routine.' WHERE seq = $1`,
      [first.seq],
    ]);
    await expect(verify()).resolves.toMatchObject({
      breaks: [{ kind: 'log-altered', seq: String(first.seq) }],
    });
    await tamper(sut.db, [
      `UPDATE audit.consultation_log SET justification = $2 WHERE seq = $1`,
      [first.seq, first.justification],
    ]);

    const reinsert = (row: Record<string, unknown>): [string, unknown[]] => [
      `INSERT INTO audit.consultation_log SELECT * FROM jsonb_populate_record(NULL::audit.consultation_log, $1::jsonb)`,
      [JSON.stringify(row)],
    ];
    await tamper(sut.db, [`DELETE FROM audit.consultation_log WHERE seq = $1`, [second.seq]]);
    await expect(verify()).resolves.toMatchObject({
      breaks: [{ kind: 'log-altered', seq: String(last.seq) }],
    });
    await tamper(sut.db, reinsert(second));

    await tamper(sut.db, [`DELETE FROM audit.consultation_log WHERE seq = $1`, [last.seq]]);
    await expect(verify()).resolves.toMatchObject({
      breaks: [{ kind: 'log-truncated', seq: String(last.seq) }],
    });
    await tamper(sut.db, reinsert(last));
  });
});
