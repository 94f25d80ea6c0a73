import { jointOperationStreamId } from '../../apps/api/src/joint-operations/joint-operation-stream';
import { timeline, validBody } from '../harness/routes';
import { HttpAnswer, http, projectionsCaughtUp, useSystem } from '../harness/system';
import { testToken } from '../harness/test-env';

/** The tighter joint control with the Croatian police, 13-15 March 2024. */
const CODE = 'HR-SI-2024-03';

/** An instant of March 2024, in UTC. */
const at = (day: number, hour: number, minute = 0) =>
  new Date(Date.UTC(2024, 2, day, hour, minute)).toISOString();

/** Both releases' figures were reported on 18 March 2024, local time. */
const REPORTED_AT = '2024-03-18T10:00:00+01:00';

/** "The Croatian police discovered 172 migrants and three migrant smugglers on the border
 * sections with Slovenia covered by joint mixed patrols and an additional six migrant
 * smugglers in the remaining areas." */
const covered = {
  code: CODE,
  occurredAt: REPORTED_AT,
  partnerCountry: 'HR',
  authority: 'Croatian police (MUP RH)',
  area: 'covered-sections',
  migrants: 172,
  smugglers: 3,
  source: 'Joint press release of the Slovenian and Croatian police, March 2024',
};
const elsewhere = {
  ...covered,
  // Reported in the same release, entered first here: the answer still lists it second.
  occurredAt: '2024-03-18T10:05:00+01:00',
  area: 'elsewhere',
  migrants: null,
  smugglers: 6,
};

interface Accepted {
  code: string;
  version: number;
  position: string;
}

interface Figures {
  code: string;
  recorded: {
    cases: number;
    migrants: number;
    migrantsByNationality: { nationality: string; count: number }[];
    smugglers: number;
  };
  partnerReports: Record<string, unknown>[];
}

/** `count` foreigners found together, with the nationalities given in runs. */
const foreigners = (runs: [string | null, number][]) =>
  runs.flatMap(([nationality, count]) =>
    Array.from({ length: count }, () => ({ nationality, minor: false })),
  );

/**
 * A joint operation through HTTP on real Postgres and Kafka: what the Slovenian police
 * recorded (procedures naming the operation, suspects of the cases linked to it) and what the
 * Croatian police reported of their own, answered apart, with the press release's numbers.
 */
describe("joint operations: the partner police's own figures, apart from ours", () => {
  const sut = useSystem();
  const stored = () => sut.eventCount();
  let borderOfficer: string;

  const post = <T = Accepted>(
    path: string,
    json: unknown,
    headers: Record<string, string> = {},
    token?: string,
  ) => http<T>(sut.system.baseUrl, 'POST', path, { json, headers, token });

  const accepted = async <T = Accepted>(path: string, json: unknown, token?: string) => {
    const answer = await post<T>(path, json, {}, token);
    if (answer.status !== 201)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  const report = (json: unknown, headers: Record<string, string> = {}) =>
    post<Record<string, unknown>>(
      '/joint-operations/partner-reports',
      json,
      headers,
      borderOfficer,
    );

  const figures = (query: string, token?: string): Promise<HttpAnswer<Figures>> =>
    http<Figures>(sut.system.baseUrl, 'GET', `/joint-operations?${query}`, { token });

  /** A case of the directorate with `suspects` arrested, linked to `operation` if given. */
  const caseWith = async (directorate: string, suspects: number, operation?: string) => {
    const steps = { at: timeline() };
    const { caseId } = await accepted<{ caseId: string }>(
      '/cases',
      validBody('POST /cases', steps, { directorate }),
    );
    for (let n = 0; n < suspects; n++) {
      await accepted(`/cases/${caseId}/arrests`, validBody('POST /cases/:caseId/arrests', steps));
    }
    if (operation) {
      await accepted(
        `/cases/${caseId}/joint-operations`,
        validBody('POST /cases/:caseId/joint-operations', steps, { code: operation }),
      );
    }
  };

  beforeAll(async () => {
    borderOfficer = await testToken('border-officer', 'novo-mesto');
  });

  it('answers what the Slovenian police recorded and what the Croatian police reported, apart', async () => {
    // The Slovenian police's own records: 127 foreigners apprehended in the operation, in two
    // directorates, and two who were not (another operation, none).
    const group = (directorate: string, operation: string | null, persons: object[]) =>
      accepted('/procedures', {
        occurredAt: directorate === 'koper' ? at(15, 4) : at(14, 4),
        directorate,
        borderSection: directorate === 'koper' ? 'Sočerga' : 'Obrežje',
        cameFrom: 'HR',
        place: 'By the Kolpa',
        jointOperation: operation,
        persons,
      });
    await group(
      'novo-mesto',
      CODE,
      foreigners([
        ['AF', 50],
        ['SY', 30],
        [null, 20],
      ]),
    );
    await group(
      'koper',
      CODE,
      foreigners([
        ['MA', 20],
        ['AF', 7],
      ]),
    );
    await group('novo-mesto', 'HR-SI-2024-04', foreigners([['AF', 1]]));
    await group('novo-mesto', null, foreigners([['SY', 1]]));
    // And 4 smugglers: suspects of two cases linked to the operation; a third case is not.
    await caseWith('novo-mesto', 3, CODE);
    await caseWith('koper', 1, CODE);
    await caseWith('novo-mesto', 1);

    // The Croatian police's figures, as reported, by a border officer of novo-mesto.
    const before = await stored();
    const first = await report(elsewhere);
    const second = await report(covered);
    expect([first.status, first.headers.get('etag'), first.body]).toEqual([
      201,
      '"1"',
      { code: CODE, version: 1, position: expect.stringMatching(/^[1-9]\d*$/) },
    ]);
    expect([second.status, second.headers.get('etag'), second.body]).toMatchObject([
      201,
      '"2"',
      { code: CODE, version: 2 },
    ]);
    expect(await stored()).toBe(before + 2);
    // One stream per operation, found from its code.
    const streamId = jointOperationStreamId(CODE);
    expect(streamId).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const rows = await sut.db.query<{ stream_type: string; type: string; version: number }[]>(
      `SELECT stream_type, type, version FROM event_store.events WHERE stream_id = $1
        ORDER BY version`,
      [streamId],
    );
    expect(rows).toEqual([
      {
        stream_type: 'joint-operation',
        type: 'joint-operation.partner-figures-reported',
        version: 1,
      },
      {
        stream_type: 'joint-operation',
        type: 'joint-operation.partner-figures-reported',
        version: 2,
      },
    ]);

    await projectionsCaughtUp(sut.system.baseUrl);
    // National figures naming no one: a koper border officer and an auditor read them whole.
    const koper = await testToken('border-officer', 'koper');
    const answer = await figures(`code=${CODE}&minPosition=${String(second.body.position)}`, koper);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      code: CODE,
      recorded: {
        cases: 2,
        migrants: 127,
        migrantsByNationality: [
          { nationality: 'AF', count: 57 },
          { nationality: 'SY', count: 30 },
          { nationality: 'MA', count: 20 },
          { nationality: 'unknown', count: 20 },
        ],
        smugglers: 4,
      },
      // In the order reported, not the order entered; each with when it was recorded.
      partnerReports: [
        {
          partnerCountry: 'HR',
          authority: 'Croatian police (MUP RH)',
          area: 'covered-sections',
          migrants: 172,
          smugglers: 3,
          source: 'Joint press release of the Slovenian and Croatian police, March 2024',
          reportedAt: '2024-03-18T09:00:00.000Z',
          recordedAt: expect.any(String),
        },
        {
          partnerCountry: 'HR',
          authority: 'Croatian police (MUP RH)',
          area: 'elsewhere',
          migrants: null,
          smugglers: 6,
          source: 'Joint press release of the Slovenian and Croatian police, March 2024',
          reportedAt: '2024-03-18T09:05:00.000Z',
          recordedAt: expect.any(String),
        },
      ],
    });
    const audited = await figures(`code=${CODE}`, await testToken('auditor'));
    expect([audited.status, audited.body]).toEqual([200, answer.body]);
    // The code is trimmed as the domain keeps it.
    expect((await figures(`code=%20${CODE}%20`)).body).toEqual(answer.body);
  });

  it('refuses the same area reported again: 422, and stores nothing', async () => {
    const before = await stored();
    const again = await report({ ...covered, migrants: 171, source: 'Corrected figures' });
    expect(again.status).toBe(422);
    expect(again.body).toEqual({
      type: 'urn:problem:JOINT_OPERATION.ALREADY_REPORTED',
      title: expect.stringMatching(/not supported yet/),
      status: 422,
      code: 'JOINT_OPERATION.ALREADY_REPORTED',
      operationCode: CODE,
      area: 'covered-sections',
      instance: '/joint-operations/partner-reports',
    });
    // Even from another partner: an area of an operation is reported once.
    const otherPartner = await report({ ...elsewhere, partnerCountry: 'HU', smugglers: 1 });
    expect([otherPartner.status, otherPartner.body.code]).toEqual([
      422,
      'JOINT_OPERATION.ALREADY_REPORTED',
    ]);
    // A stale If-Match is a conflict, decided before the domain.
    const stale = await report({ ...covered, area: 'elsewhere' }, { 'if-match': '"1"' });
    expect([stale.status, stale.body.code, stale.body.currentVersion]).toEqual([
      409,
      'STREAM.VERSION_CONFLICT',
      2,
    ]);
    expect(await stored()).toBe(before);
  });

  it.each([
    ['a negative count', { migrants: -1 }],
    ['a fractional count', { smugglers: 2.5 }],
    ['a count sent as text', { migrants: '172' }],
    ['an unknown area', { area: 'everywhere' }],
    ['a partner that is not a neighbour', { partnerCountry: 'RS' }],
    ['a blank code', { code: '' }],
    ['an overlong code', { code: 'x'.repeat(201) }],
    ['a blank authority', { authority: '' }],
    ['a time without an offset', { occurredAt: '2024-03-18T10:00:00' }],
    ['a member too many', { total: 181 }],
    ['no smugglers at all', { smugglers: undefined }],
  ])('refuses %s: 400, and stores nothing', async (_label, change) => {
    const before = await stored();
    const answer = await report({ ...covered, code: 'HR-SI-2024-09', ...change });
    expect([answer.status, answer.body.code]).toEqual([400, 'REQUEST.VALIDATION_FAILED']);
    expect(await stored()).toBe(before);
  });

  it.each([
    ['neither count', { migrants: null, smugglers: null }, 'JOINT_OPERATION.INVALID_COUNT'],
    ['a time in the future', { occurredAt: '2099-01-01T00:00:00Z' }, 'TIME.IN_FUTURE'],
    ['a blank source once trimmed', { source: '   ' }, 'JOINT_OPERATION.INVALID_SOURCE'],
  ])('refuses %s: 422, and stores nothing', async (_label, change, code) => {
    const before = await stored();
    const answer = await report({ ...covered, code: 'HR-SI-2024-09', ...change });
    expect([answer.status, answer.body.code]).toEqual([422, code]);
    expect(await stored()).toBe(before);
  });

  it('answers a retry with the same Idempotency-Key as the first time, storing nothing new', async () => {
    const hungarian = {
      ...covered,
      code: 'HU-SI-2024-05',
      partnerCountry: 'HU',
      authority: 'Hungarian police (ORFK)',
      area: 'elsewhere',
      migrants: null,
      smugglers: 2,
      source: 'ORFK report 17/2024',
    };
    const key = { 'idempotency-key': 'hu-si-2024-05-elsewhere' };
    const before = await stored();
    const first = await report(hungarian, key);
    const retry = await report(hungarian, key);
    expect(first.status).toBe(201);
    expect([retry.status, retry.body]).toEqual([201, first.body]);
    expect(await stored()).toBe(before + 1);
    // Known from the partner's report alone: nothing recorded here, and still answered.
    const answer = await figures('code=HU-SI-2024-05');
    expect([answer.status, answer.body.recorded, answer.body.partnerReports.length]).toEqual([
      200,
      { cases: 0, migrants: 0, migrantsByNationality: [], smugglers: 0 },
      1,
    ]);
  });

  it('answers 404 for a code nothing names, without echoing it, and 400 without a code', async () => {
    const unknown = await figures('code=HR-SI-2099-01');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      type: 'urn:problem:JOINT_OPERATION.NOT_FOUND',
      title: expect.any(String),
      status: 404,
      code: 'JOINT_OPERATION.NOT_FOUND',
      instance: '/joint-operations',
    });
    for (const query of ['', 'code=', 'code=%20%20', 'code=a&code=b', `code=${'x'.repeat(201)}`]) {
      const answer = await figures(query);
      expect([query, answer.status, answer.body.code]).toEqual([
        query,
        400,
        'REQUEST.VALIDATION_FAILED',
      ]);
    }
  });
});
