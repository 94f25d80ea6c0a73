import { freePorts, repoRoot } from '@app/local-infra';
import { createKafka } from '@app/platform';
import { READ_MODEL_PROJECTIONS, rebuildReadModels, swapInReadModels } from '@app/read-models';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SseClient } from '../harness/sse';
import { validBody } from '../harness/routes';
import { http, useSystem } from '../harness/system';
import { TEST_AUTH_SECRET, eventually, testToken } from '../harness/test-env';

const HOUR = 3600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR).toISOString();

interface BoardMessage {
  items: { personId: string; caseId: string; directorate: string }[];
  changed: string[];
  removed: string[];
}

interface ReminderMessage {
  seq: string;
  kind: string;
  about: string;
  personId: string;
  caseId: string;
  directorate: string;
  text: string;
}

const DESK = { CUSTODY_DESK_TICK_MS: '100', CUSTODY_STREAM_HEARTBEAT_MS: '1000' };

/**
 * The custody board pushed to the liaison officer: the board on every change, reminders as a
 * clock enters its last hour or a safeguard stays open; each reminder sent once, whatever is
 * rebuilt or restarted, and a client that comes back with Last-Event-ID misses none.
 */
describe('the custody board stream', () => {
  const sut = useSystem(DESK);
  let liaison: string;
  const streams: SseClient[] = [];

  const url = (base = sut.system.baseUrl, query = '') => `${base}/custody-board/stream${query}`;
  const open = async (
    options: { token?: string; lastEventId?: string; base?: string; query?: string } = {},
  ) => {
    const client = await SseClient.open(url(options.base, options.query), {
      token: options.token ?? liaison,
      lastEventId: options.lastEventId,
    });
    streams.push(client);
    return client;
  };
  const post = async (path: string, json: object) => {
    const answer = await http(sut.system.baseUrl, 'POST', path, { json });
    if (answer.status !== 201)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as { caseId: string; persons?: { personId: string }[] };
  };
  const openCase = (directorate = 'novo-mesto') =>
    post('/cases', validBody('POST /cases', {}, { directorate, openedAt: ago(60) })).then(
      (a) => a.caseId,
    );
  const arrest = async (caseId: string, hoursAgo: number) => {
    const answer = await post(
      `/cases/${caseId}/arrests`,
      validBody('POST /cases/:caseId/arrests', {}, { occurredAt: ago(hoursAgo) }),
    );
    return answer.persons![0].personId;
  };
  /** The reminders sent about a person, as stored. */
  const sentAbout = async (personId: string) =>
    (
      await sut.db.query<{ seq: string; key: string }[]>(
        `SELECT seq::text, key FROM custody_desk.reminders WHERE body->>'personId' = $1 ORDER BY seq`,
        [personId],
      )
    ).map((r) => r.key);
  const reminderCount = async () =>
    Number((await sut.db.query(`SELECT count(*) AS n FROM custody_desk.reminders`))[0].n);
  /**
   * Arrested 47.5 h ago, a foreigner, nothing since: custody is in its last hour, the written
   * decision overdue, the rights and an interpreter owed for longer than two hours.
   */
  const FOUR_REMINDERS = [
    'police-custody',
    'written-detention-decision',
    'rights-information',
    'interpreter',
  ].sort();

  beforeAll(async () => {
    liaison = await testToken('prosecutor-liaison');
  });

  afterEach(async () => {
    await Promise.all(streams.splice(0).map((s) => s.close()));
  });

  it('opens with the whole board and pushes a step an investigator records, without a reload', async () => {
    const caseId = await openCase();
    const stream = await open();
    expect(stream.status).toBe(200);
    const first = await stream.next<BoardMessage>('board', () => true, 'the first board');
    expect(first.id).toMatch(/^\d+$/);
    const personId = await arrest(caseId, 1);
    const pushed = await stream.next<BoardMessage>(
      'board',
      (b) => b.changed.includes(`${caseId}:${personId}`),
      'the arrest pushed',
    );
    expect(pushed.data.items.map((i) => i.personId)).toContain(personId);
    await eventually(
      async () => (stream.comments.some((c) => c.startsWith('heartbeat')) ? true : undefined),
      {
        what: 'a heartbeat',
      },
    );
  });

  it('reminds once when a clock enters its last hour and when a safeguard stays open', async () => {
    const stream = await open();
    const personId = await arrest(await openCase(), 47.5);
    const reminders = await eventually(
      async () => {
        const about = stream
          .of<ReminderMessage>('reminder')
          .filter((m) => m.data.personId === personId);
        return about.length >= 4 ? about : undefined;
      },
      { what: 'four reminders about the person' },
    );
    expect(reminders.map((r) => r.data.about).sort()).toEqual(FOUR_REMINDERS);
    const custody = reminders.find((r) => r.data.about === 'police-custody')!;
    expect(custody.data).toMatchObject({ kind: 'clock-last-hour', directorate: 'novo-mesto' });
    expect(custody.data.text).toMatch(
      /^last hour: release or bring before the investigating judge by/,
    );
    expect(reminders.map((r) => r.id)).toEqual(reminders.map((r) => r.data.seq));
    const ids = reminders.map((r) => Number(r.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));

    // The desk is judged again after another step: still four, sent once.
    const index = stream.messages.length;
    const later = await arrest(await openCase(), 0.5);
    await stream.next<BoardMessage>(
      'board',
      (b) => b.changed.some((k) => k.endsWith(later)),
      'the next step',
      index,
    );
    await expect(sentAbout(personId).then((keys) => keys.length)).resolves.toBe(4);
    expect(
      stream.of<ReminderMessage>('reminder').filter((m) => m.data.personId === personId),
    ).toHaveLength(4);
  });

  it('resumes after Last-Event-ID: the reminders sent meanwhile, each once, in order', async () => {
    const first = await open();
    await first.next('board', () => true, 'the first board');
    const seen = first.messages.at(-1)!.id!;
    await first.close();

    const personId = await arrest(await openCase(), 47.5);
    await eventually(async () => ((await sentAbout(personId)).length === 4 ? true : undefined), {
      what: 'the reminders sent while the client was away',
    });
    const resumed = await open({ lastEventId: seen });
    const missed = await sut.db.query<{ seq: string }[]>(
      `SELECT seq::text FROM custody_desk.reminders WHERE seq > $1 ORDER BY seq`,
      [seen],
    );
    await resumed.next('board', () => true, 'the board on resuming');
    const got = await eventually(
      async () => {
        const reminders = resumed.of<ReminderMessage>('reminder');
        return reminders.length >= missed.length ? reminders : undefined;
      },
      { what: 'every reminder after Last-Event-ID' },
    );
    expect(got.map((r) => r.data.seq)).toEqual(missed.map((r) => r.seq));
    expect(got.filter((r) => r.data.personId === personId)).toHaveLength(4);
  });

  it("keeps an investigator's stream to their directorate", async () => {
    const koperCase = await openCase('koper');
    const koper = await open({ token: await testToken('investigator', 'koper') });
    const board = await koper.next<BoardMessage>('board', () => true, 'the first board');
    expect(board.data.items.every((i) => i.directorate === 'koper')).toBe(true);
    const koperPerson = await arrest(koperCase, 47.5);
    const novoMestoPerson = await arrest(await openCase(), 47.5);
    await koper.next<ReminderMessage>(
      'reminder',
      (r) => r.personId === koperPerson,
      'a Koper reminder',
    );
    await eventually(async () =>
      (await sentAbout(novoMestoPerson)).length === 4 ? true : undefined,
    );
    await koper.next<BoardMessage>(
      'board',
      (b) => b.changed.some((k) => k.endsWith(koperPerson)),
      'the Koper arrest',
    );
    expect(koper.of<ReminderMessage>('reminder').every((r) => r.data.directorate === 'koper')).toBe(
      true,
    );
    expect(koper.messages.some((m) => JSON.stringify(m.data).includes(novoMestoPerson))).toBe(
      false,
    );

    const refused = await open({
      token: await testToken('investigator', 'koper'),
      query: '?directorate=novo-mesto',
    });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    const badId = await open({ lastEventId: 'x1' });
    expect(badId.status).toBe(400);
    expect(badId.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
  });

  it('answers HEAD at once, as a stream that would open, with nothing in it', async () => {
    const head = await fetch(url(), {
      method: 'HEAD',
      headers: { authorization: `Bearer ${liaison}` },
      signal: AbortSignal.timeout(10_000),
    });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/^text\/event-stream/);
  });

  it('logs who opened the stream and what it showed in the consultation log', async () => {
    const caseId = await openCase();
    const personId = await arrest(caseId, 1);
    const auditor = await testToken('auditor', undefined, { subject: 'stream-auditor' });
    const stream = await open({ token: auditor });
    await stream.next<BoardMessage>(
      'board',
      (b) => b.items.some((i) => i.personId === personId),
      'the person',
    );
    const log = await sut.db.query<{ records: { kind: string; id: string }[] }[]>(
      `SELECT records FROM audit.consultation_log
        WHERE actor_id = 'stream-auditor' AND purpose = 'GET /custody-board/stream'`,
    );
    expect(log.flatMap((l) => l.records)).toEqual(
      expect.arrayContaining([
        { kind: 'case', id: caseId },
        { kind: 'person', id: personId },
      ]),
    );
  });

  it('sends no reminder again when the read models are rebuilt and swapped under load', async () => {
    const due = await arrest(await openCase(), 47.5);
    await eventually(async () => ((await sentAbout(due)).length === 4 ? true : undefined), {
      what: 'the reminders due before the rebuild',
    });
    const before = await reminderCount();
    const caseId = await openCase();
    let load = true;
    const loadDone = (async () => {
      let sent = 0;
      while (load) {
        // Steps that fall due for nothing: arrests of now.
        await arrest(caseId, 0);
        sent++;
      }
      return sent;
    })();
    const kafka = createKafka(sut.config.kafka, 'test-desk-rebuild');
    const projections = READ_MODEL_PROJECTIONS.map((Projection) => new Projection());
    const schema = 'read_model_desk_rebuild';
    await rebuildReadModels({ db: sut.db, kafka, config: sut.config, projections, schema });
    await swapInReadModels({ db: sut.db, kafka, config: sut.config, projections, schema });
    load = false;
    await expect(loadDone).resolves.toBeGreaterThan(0);
    // After the swap, the desk is judged again on the rebuilt tables: a new step shows it.
    const stream = await open();
    const personId = await arrest(caseId, 0);
    await stream.next<BoardMessage>(
      'board',
      (b) => b.changed.some((k) => k.endsWith(personId)),
      'a step after the swap',
    );
    await expect(reminderCount()).resolves.toBe(before);
  });

  describe('an API killed mid-stream', () => {
    const children: ChildProcess[] = [];
    afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

    /** The API from its build, as `npm start` runs it, on this system's database and broker. */
    const startApi = async () => {
      const entry = join(repoRoot(), 'dist', 'apps', 'api', 'src', 'main.js');
      if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
      const [port] = await freePorts(1);
      const config = sut.config;
      const child = spawn(process.execPath, [entry], {
        env: {
          ...process.env,
          ...DESK,
          DATABASE_URL: config.databaseUrl,
          KAFKA_BROKERS: config.kafka.brokers.join(','),
          KAFKA_TOPIC: config.kafka.topic,
          KAFKA_PARTITIONS: String(config.kafka.partitions),
          PORT: String(port),
          AUTH_JWT_SECRET: TEST_AUTH_SECRET,
          PERSONAL_DATA_KEY: config.personalData.masterKey.toString('base64'),
          IDENTITY_HASH_KEY: config.personalData.identityHashKey.toString('base64'),
        },
        stdio: 'ignore',
      });
      children.push(child);
      const base = `http://127.0.0.1:${port}`;
      await eventually(async () => ((await fetch(`${base}/health/ready`)).ok ? true : undefined), {
        what: 'the API to be ready',
        timeoutMs: 60_000,
      });
      return { child, base };
    };

    it('ends its streams when stopped, so it stops within its grace and exits cleanly', async () => {
      const api = await startApi();
      const exited = new Promise<number | null>((resolve) => api.child.once('exit', resolve));
      const stream = await open({ base: api.base });
      await stream.next('board', () => true, 'the first board');
      api.child.kill('SIGTERM');
      await stream.ended;
      await expect(exited).resolves.toBe(0);
    });

    it('resumes on another API with no reminder lost or repeated', async () => {
      const first = await startApi();
      const stream = await open({ base: first.base });
      await stream.next('board', () => true, 'the first board');
      const personBefore = await arrest(await openCase(), 47.5);
      await stream.next<ReminderMessage>(
        'reminder',
        (r) => r.personId === personBefore,
        'a reminder before the kill',
      );
      first.child.kill('SIGKILL');
      await stream.ended;
      const lastId = stream.messages.at(-1)!.id!;
      const received = stream.of<ReminderMessage>('reminder').map((r) => r.data.seq);

      // While that API is gone, another one records a step that falls due at once.
      const personAfter = await arrest(await openCase(), 47.5);
      await eventually(
        async () => ((await sentAbout(personAfter)).length === 4 ? true : undefined),
        { what: 'the reminders about the person arrested while the first API was gone' },
      );

      const second = await startApi();
      const resumed = await open({ base: second.base, lastEventId: lastId });
      await resumed.next<ReminderMessage>(
        'reminder',
        (r) => r.personId === personAfter,
        'the reminders sent meanwhile',
      );
      const all = await sut.db.query<{ seq: string }[]>(
        `SELECT seq::text FROM custody_desk.reminders ORDER BY seq`,
      );
      const sinceStart = all.map((r) => r.seq).filter((seq) => Number(seq) >= Number(received[0]));
      await eventually(
        async () =>
          resumed.of('reminder').length >=
          sinceStart.filter((s) => Number(s) > Number(lastId)).length
            ? true
            : undefined,
        { what: 'every reminder after the last one received' },
      );
      const got = [...received, ...resumed.of<ReminderMessage>('reminder').map((r) => r.data.seq)];
      // No gap and no repeat: exactly the stored sequence from the first reminder on.
      expect(got).toEqual(sinceStart);
    });
  });
});
