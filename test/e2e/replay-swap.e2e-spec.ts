import { createKafka } from '@app/platform';
import {
  READ_MODEL_PROJECTIONS,
  READ_MODEL_SCHEMA,
  compareSchemas,
  createSchemaLike,
  dropSchema,
  rebuildReadModels,
  swapInReadModels,
} from '@app/read-models';
import { Client } from 'pg';
import { rebuildCommand } from '../../apps/cli/src/rebuild/rebuild.command';
import { generateHistory } from '../harness/generated-history';
import { http, openCaseWithPeople, projectionsCaughtUp, useSystem } from '../harness/system';
import { TEST_AUTH_SECRET, eventually } from '../harness/test-env';

/**
 * Rebuilt read models swapped in for the live ones while the system runs: readers never see
 * empty or shrinking tables, and the live projector goes on in the new ones.
 */
describe('swapping rebuilt read models in for the live ones', () => {
  const sut = useSystem();
  let caseIds: string[];

  const kafka = () => createKafka(sut.config.kafka, 'test-swap');
  const projections = () => READ_MODEL_PROJECTIONS.map((Projection) => new Projection());
  const rebuild = (schema: string) =>
    rebuildReadModels({
      db: sut.db,
      kafka: kafka(),
      config: sut.config,
      projections: projections(),
      schema,
    });
  const swap = (schema: string, lockTimeoutMs?: number) =>
    swapInReadModels({
      db: sut.db,
      kafka: kafka(),
      config: sut.config,
      projections: projections(),
      schema,
      lockTimeoutMs,
    });
  const rowsOf = async (schema: string, table: string) =>
    Number((await sut.db.query(`SELECT count(*) AS n FROM ${schema}.${table}`))[0].n);
  /** The table a qualified name finds now. */
  const tableOid = async (qualified: string) =>
    Number((await sut.db.query(`SELECT $1::regclass::oid AS oid`, [qualified]))[0].oid);
  const schemasLike = async (pattern: string) =>
    (
      await sut.db.query<{ nspname: string }[]>(
        `SELECT nspname FROM pg_namespace WHERE nspname LIKE $1 ORDER BY nspname`,
        [pattern],
      )
    ).map((r) => r.nspname);
  const casesAnswered = async () =>
    (await http<{ totals: { cases: number } }>(sut.system.baseUrl, 'GET', '/cases?limit=1')).body
      .totals.cases;
  const caughtUp = () => projectionsCaughtUp(sut.system.baseUrl);
  /** Answers that are fewer cases than the answer before them. */
  const shrinking = (answers: { cases: number }[]) =>
    answers.filter((a, i) => i > 0 && a.cases < answers[i - 1].cases);

  beforeAll(async () => {
    ({ caseIds } = await generateHistory(sut.system.baseUrl, sut.db, {
      seed: 11,
      cases: 10,
      from: '2024-01-01T00:00:00Z',
      to: '2024-03-01T00:00:00Z',
    }));
    await caughtUp();
  });

  it('never answers with empty or fewer cases while commands arrive, and loses none', async () => {
    const before = caseIds.length;
    await expect(casesAnswered()).resolves.toBe(before);
    await rebuild('read_model_rebuild_swap');
    const [oldCases, newCases] = [
      await tableOid('read_model.cases'),
      await tableOid('read_model_rebuild_swap.cases'),
    ];

    // Two readers in a loop: plain SQL, which also says which table answered, and the API's
    // caseload (a REPEATABLE READ transaction of two queries). A writer opens cases meanwhile.
    const reader = new Client({ connectionString: sut.database.url });
    await reader.connect();
    const sqlAnswers: { table: number; cases: number }[] = [];
    const httpAnswers: { status: number; cases: number }[] = [];
    let opened = 0;
    let running = true;
    const sqlReader = (async () => {
      while (running) {
        const { rows } = await reader.query<{ table: number; cases: number }>(
          `SELECT tableoid::int AS table, count(*)::int AS cases FROM read_model.cases
            GROUP BY tableoid`,
        );
        sqlAnswers.push(rows[0] ?? { table: 0, cases: 0 });
      }
    })();
    const httpReader = (async () => {
      while (running) {
        const answer = await http<{ totals?: { cases: number } }>(
          sut.system.baseUrl,
          'GET',
          '/cases?limit=1',
        );
        httpAnswers.push({ status: answer.status, cases: answer.body.totals?.cases ?? 0 });
      }
    })();
    const writer = (async () => {
      while (running) {
        await openCaseWithPeople(sut.system.baseUrl);
        opened += 1;
      }
    })();
    let previous: string;
    let atSwap: { sql: number; http: number; opened: number };
    try {
      await eventually(async () =>
        sqlAnswers.length > 0 && httpAnswers.length > 0 && opened > 0 ? true : undefined,
      );
      ({ previous } = await swap('read_model_rebuild_swap'));
      atSwap = { sql: sqlAnswers.length, http: httpAnswers.length, opened };
      // Readers and the writer go on after the swap for a while.
      await eventually(async () =>
        sqlAnswers.length > atSwap.sql + 5 &&
        httpAnswers.length > atSwap.http + 5 &&
        opened > atSwap.opened + 1
          ? true
          : undefined,
      );
    } finally {
      running = false;
      await Promise.all([sqlReader, httpReader, writer]);
      await reader.end();
    }

    expect(previous).toMatch(/^read_model_previous_\d+$/);
    // The readers read the old tables, then the new ones, never none.
    expect(sqlAnswers.map((a) => a.table).filter((t, i, all) => t !== all[i - 1])).toEqual([
      oldCases,
      newCases,
    ]);
    expect(new Set(httpAnswers.map((a) => a.status))).toEqual(new Set([200]));
    for (const answers of [sqlAnswers, httpAnswers]) {
      expect(answers[0].cases).toBeGreaterThanOrEqual(before);
      expect(shrinking(answers)).toEqual([]);
      expect(answers.at(-1)!.cases).toBeLessThanOrEqual(before + opened);
    }
    // Every case opened before, during and after the swap is in the new tables, once.
    await caughtUp();
    await expect(tableOid('read_model.cases')).resolves.toBe(newCases);
    await expect(rowsOf(READ_MODEL_SCHEMA, 'cases')).resolves.toBe(before + opened);
    await expect(casesAnswered()).resolves.toBe(before + opened);
    await expect(rowsOf(READ_MODEL_SCHEMA, 'case_facts')).resolves.toBe(
      4 * (await sut.eventCount()),
    );
    // The replaced tables are kept as they were at the swap; the rebuilt schema's name is gone.
    await expect(tableOid(`${previous}.cases`)).resolves.toBe(oldCases);
    const kept = await rowsOf(previous, 'cases');
    expect(kept).toBeGreaterThanOrEqual(before);
    expect(kept).toBeLessThan(before + opened);
    await expect(schemasLike('read_model%')).resolves.toEqual([READ_MODEL_SCHEMA, previous]);
    // The catch-up's consumer groups are gone; the live ones go on.
    const admin = kafka().admin();
    await admin.connect();
    const { groups } = await admin.listGroups();
    await admin.disconnect();
    expect(
      groups
        .map((g) => g.groupId)
        .filter((g) => g.startsWith(sut.config.projector.groupPrefix))
        .sort(),
    ).toEqual(
      ['cases', 'custody-board', 'people', 'procedures', 'statistics'].map(
        (name) => `${sut.config.projector.groupPrefix}.${name}`,
      ),
    );
    await dropSchema(sut.db, previous);
  });

  it('goes on applying new events into the swapped-in tables, which equal a fresh rebuild', async () => {
    await caughtUp();
    await rebuild('read_model_rebuild_next');
    const newCases = await tableOid('read_model_rebuild_next.cases');
    const { previous } = await swap('read_model_rebuild_next');
    const frozen = await rowsOf(previous, 'cases');

    const { caseId } = await openCaseWithPeople(sut.system.baseUrl);
    await eventually(async () => {
      const answer = await http(sut.system.baseUrl, 'GET', `/cases/${caseId}`);
      return answer.status === 200 ? true : undefined;
    });
    await caughtUp();
    await expect(tableOid('read_model.cases')).resolves.toBe(newCases);
    await expect(
      sut.db.query(`SELECT count(*)::int AS n FROM read_model.cases WHERE case_id = $1`, [caseId]),
    ).resolves.toEqual([{ n: 1 }]);
    await expect(rowsOf(previous, 'cases')).resolves.toBe(frozen);
    await expect(rowsOf(READ_MODEL_SCHEMA, 'cases')).resolves.toBe(frozen + 1);

    await rebuild('read_model_rebuild_check');
    await expect(
      compareSchemas(sut.db, READ_MODEL_SCHEMA, 'read_model_rebuild_check'),
    ).resolves.toEqual([]);
    // Equal, and not equally empty.
    await expect(rowsOf(READ_MODEL_SCHEMA, 'case_facts')).resolves.toBe(
      4 * (await sut.eventCount()),
    );
    // The indexes keep the names the migrations gave them.
    const indexes = (schema: string) =>
      sut.db.query(`SELECT indexname FROM pg_indexes WHERE schemaname = $1 ORDER BY 1`, [schema]);
    await expect(indexes(READ_MODEL_SCHEMA)).resolves.toEqual(await indexes(previous));
    await expect(indexes(READ_MODEL_SCHEMA)).resolves.toContainEqual({
      indexname: 'cases_opened_idx',
    });
    await dropSchema(sut.db, 'read_model_rebuild_check');
    await dropSchema(sut.db, previous);
  });

  it('swaps nothing when queries hold the live tables past its timeout, and the projector goes on', async () => {
    await caughtUp();
    await rebuild('read_model_rebuild_blocked');
    const liveCases = await tableOid('read_model.cases');
    const holder = new Client({ connectionString: sut.database.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT count(*) FROM read_model.case_persons');
    try {
      await expect(swap('read_model_rebuild_blocked', 300)).rejects.toThrow(
        'queries held the live read models for 300 ms; nothing was swapped',
      );
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    await expect(tableOid('read_model.cases')).resolves.toBe(liveCases);
    await expect(schemasLike('read_model%')).resolves.toEqual([
      READ_MODEL_SCHEMA,
      'read_model_rebuild_blocked',
    ]);
    // The live projector was held back only for the attempt.
    const live = await rowsOf(READ_MODEL_SCHEMA, 'cases');
    await openCaseWithPeople(sut.system.baseUrl);
    await caughtUp();
    await expect(rowsOf(READ_MODEL_SCHEMA, 'cases')).resolves.toBe(live + 1);
    await dropSchema(sut.db, 'read_model_rebuild_blocked');
  });

  it('refuses tables not made like the live ones', async () => {
    await createSchemaLike(sut.db, READ_MODEL_SCHEMA, 'read_model_rebuild_old');
    await sut.db.query(`ALTER TABLE read_model_rebuild_old.cases DROP COLUMN migrants`);
    const liveCases = await tableOid('read_model.cases');
    await expect(swap('read_model_rebuild_old')).rejects.toThrow(
      'read_model_rebuild_old is not made like read_model: missing cases.migrants integer not null',
    );
    await expect(tableOid('read_model.cases')).resolves.toBe(liveCases);
    await dropSchema(sut.db, 'read_model_rebuild_old');
  });

  it('rebuild --swap reports the differences, exits 3, and puts the rebuilt tables live', async () => {
    await caughtUp();
    const [caseId] = caseIds;
    const summaryOf = (schema: string) =>
      sut.db.query(`SELECT summary FROM ${schema}.cases WHERE case_id = $1`, [caseId]);
    const original = await summaryOf(READ_MODEL_SCHEMA);
    expect(original).toEqual([{ summary: expect.any(String) }]);
    await sut.db.query(`UPDATE read_model.cases SET summary = 'Altered.' WHERE case_id = $1`, [
      caseId,
    ]);
    const liveCases = await tableOid('read_model.cases');
    const env = {
      DATABASE_URL: sut.database.url,
      KAFKA_BROKERS: sut.config.kafka.brokers.join(','),
      KAFKA_TOPIC: sut.config.kafka.topic,
      PROJECTOR_GROUP_PREFIX: sut.config.projector.groupPrefix,
      AUTH_JWT_SECRET: TEST_AUTH_SECRET,
      PERSONAL_DATA_KEY: sut.config.personalData.masterKey.toString('base64'),
      IDENTITY_HASH_KEY: sut.config.personalData.identityHashKey.toString('base64'),
    };
    const saved = Object.fromEntries(Object.keys(env).map((name) => [name, process.env[name]]));
    const output: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      output.push(String(chunk));
      return true;
    });
    let exitCode: typeof process.exitCode;
    try {
      Object.assign(process.env, env);
      await rebuildCommand().parseAsync(['--swap'], { from: 'user' });
      exitCode = process.exitCode;
    } finally {
      write.mockRestore();
      process.exitCode = undefined;
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    const text = output.join('');
    expect(text).toContain('cases: 1 rows only in read_model, 1 only in the rebuild');
    const [, previous] = /the replaced ones are kept in (read_model_previous_\d+)/.exec(text) ?? [];
    expect(previous).toMatch(/^read_model_previous_\d+$/);
    expect(exitCode).toBe(3);
    // The altered row is what the history makes again; the altered table is kept aside.
    await expect(tableOid(`${previous}.cases`)).resolves.toBe(liveCases);
    await expect(summaryOf(previous)).resolves.toEqual([{ summary: 'Altered.' }]);
    await expect(summaryOf(READ_MODEL_SCHEMA)).resolves.toEqual(original);
    await expect(schemasLike('read_model%')).resolves.toEqual([READ_MODEL_SCHEMA, previous]);
  });
});
