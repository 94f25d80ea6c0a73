import { verifyIntegrity } from '@app/audit';
import { randomUUID } from 'node:crypto';
import { validBody } from '../harness/routes';
import { HttpAnswer, http, useSystem } from '../harness/system';
import { testToken } from '../harness/test-env';

interface Started {
  groupId: string;
  position: string;
  procedures: { procedureId: string; personId: string; recognised: boolean }[];
}

/** A night at Obrežje, 13-14 March 2024: every instant `minutes` after 22:00 local. */
const at = (minutes: number) => new Date(Date.UTC(2024, 2, 13, 21, minutes)).toISOString();

const passport = (n: number) => ({
  type: 'passport',
  number: `SY${String(n).padStart(7, '0')}`,
  issuingCountry: 'SY',
});

/** The people found together, each with their own intent and referral. */
const foreigner = (n: number, extra: Record<string, unknown> = {}) => ({
  nationality: ['SY', 'AF', 'MA', 'BD'][n % 4],
  minor: n % 10 === 0,
  person: { documents: [passport(n)] },
  intent: { occurredAt: at(40), statement: 'dictated' },
  referral: { occurredAt: at(300), destination: 'asylum-home-logatec' },
  ...extra,
});

const group = (persons: object[], extra: Record<string, unknown> = {}) => ({
  occurredAt: at(10),
  directorate: 'novo-mesto',
  borderSection: 'Obrežje',
  cameFrom: 'HR',
  place: 'Obrežje, by the Krka',
  jointOperation: 'HR-SI-2024-03',
  persons,
  ...extra,
});

/**
 * The police procedure with a foreigner, through HTTP on real Postgres and Kafka: a group of 127
 * in one command, all or nothing, idempotent, answered in request order; a refusal names the
 * person and stores nothing; a person caught again is recognised.
 */
describe('police procedures with foreigners', () => {
  const sut = useSystem();
  const stored = async () => ({ events: await sut.eventCount(), persons: await sut.personCount() });

  const post = <T = Started>(path: string, json: object, headers: Record<string, string> = {}) =>
    http<T>(sut.system.baseUrl, 'POST', path, { json, headers });

  const accepted = async <T = Started>(path: string, json: object) => {
    const answer = await post<T>(path, json);
    if (answer.status !== 201)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };

  const eventsOf = (streamId: string) =>
    sut.db.query<{ type: string; version: number; stream_type: string }[]>(
      'SELECT type, version, stream_type FROM event_store.events WHERE stream_id = $1 ORDER BY version',
      [streamId],
    );

  it('records a group of 127 in one command: a procedure each, in the order given', async () => {
    // Three of them were apprehended before, alone: they must be recognised where listed.
    const earlier = await accepted(
      '/procedures',
      group([foreigner(1), foreigner(64), foreigner(127)], { occurredAt: at(0) }),
    );
    const before = await stored();

    const persons = Array.from({ length: 127 }, (_, i) => foreigner(i + 1));
    const answer = await post('/procedures', group(persons), { 'idempotency-key': 'obrezje-127' });

    expect(answer.status).toBe(201);
    const { procedures } = answer.body;
    expect(procedures).toHaveLength(127);
    expect(new Set(procedures.map((p) => p.procedureId)).size).toBe(127);
    expect(procedures.filter((p) => p.recognised).map((p) => p.personId)).toEqual(
      earlier.procedures.map((p) => p.personId),
    );
    expect([0, 63, 126].map((i) => procedures[i].personId)).toEqual(
      earlier.procedures.map((p) => p.personId),
    );
    // 127 apprehensions, intents and referrals; 124 people registered for the first time,
    // each with a passport and a key to their sealed data (three register rows each).
    await expect(stored()).resolves.toEqual({
      events: before.events + 3 * 127,
      persons: before.persons + 3 * 124,
    });
    // Each procedure's hash chain, written in the group's one statement, verifies.
    const { breaks } = await verifyIntegrity(sut.db);
    expect(breaks.filter((b) => b.kind === 'event-altered' || b.kind === 'stream-gap')).toEqual([]);
    await expect(eventsOf(procedures[5].procedureId)).resolves.toEqual([
      { type: 'procedure.foreigner-apprehended', version: 1, stream_type: 'procedure' },
      { type: 'procedure.asylum-intent-expressed', version: 2, stream_type: 'procedure' },
      { type: 'procedure.referred', version: 3, stream_type: 'procedure' },
    ]);

    // Sent again with the same key: the first answer, and nothing stored twice.
    const again = await post('/procedures', group(persons), { 'idempotency-key': 'obrezje-127' });
    expect(again.status).toBe(201);
    expect(again.body).toEqual(answer.body);
    await expect(stored()).resolves.toEqual({
      events: before.events + 3 * 127,
      persons: before.persons + 3 * 124,
    });
  });

  it('refuses the whole group for one bad line, names the line, and stores nothing', async () => {
    const before = await stored();
    const persons = Array.from({ length: 30 }, (_, i) => foreigner(1000 + i));
    persons[17] = foreigner(1017, {
      referral: undefined,
      handover: { occurredAt: at(200), country: 'HR', authority: 'PU Karlovačka' },
    });

    const refused = await post('/procedures', group(persons));

    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code: 'ASYLUM.CANNOT_RETURN', person: 17 });
    await expect(stored()).resolves.toEqual(before);
  });

  it.each([
    ['a nationality that is not a code', { persons: [foreigner(1, { nationality: 'Syria' })] }],
    ['an empty group', { persons: [] }],
    ['a country that is not a neighbour', { cameFrom: 'RS' }],
    [
      'an unknown destination',
      { persons: [foreigner(1, { referral: { occurredAt: at(1), destination: 'hotel' } })] },
    ],
    ['an unknown property', { persons: [foreigner(1, { asylum: true })] }],
  ])('answers 400 for %s and stores nothing', async (_label, change) => {
    const before = await stored();
    const answer = await post('/procedures', group([foreigner(1)], change));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
    await expect(stored()).resolves.toEqual(before);
  });

  it('recognises a person caught again after leaving the asylum home, in a new procedure', async () => {
    const first = await accepted('/procedures', group([foreigner(5000)], { occurredAt: at(0) }));
    const { procedureId, personId } = first.procedures[0];
    const left = await accepted<{ procedureId: string; version: number }>(
      `/procedures/${procedureId}/asylum-home-departure`,
      { occurredAt: at(600), facility: 'asylum-home-logatec' },
    );
    expect(left).toMatchObject({ procedureId, version: 4 });

    const again = await accepted(
      '/procedures',
      group(
        [
          foreigner(5000, {
            intent: { occurredAt: at(720), statement: 'handwritten' },
            referral: { occurredAt: at(900), destination: 'asylum-home-ljubljana' },
          }),
        ],
        {
          occurredAt: at(700),
          jointOperation: null,
        },
      ),
    );
    expect(again.procedures[0]).toMatchObject({ personId, recognised: true });
    expect(again.procedures[0].procedureId).not.toBe(procedureId);
  });

  it('links the procedure of a migrant found in a smuggling case to the case', async () => {
    const { caseId } = await accepted<{ caseId: string }>(
      '/cases',
      validBody('POST /cases', {}, { openedAt: at(60) }),
    );
    const inCase = await accepted<{ persons: { personId: string }[] }>(
      `/cases/${caseId}/apprehensions`,
      validBody('POST /cases/:caseId/apprehensions', {}, { occurredAt: at(50) }),
    );
    const migrantId = inCase.persons[0].personId;

    // At apprehension: everyone listed must be a migrant of the case.
    const stranger = await post('/procedures', group([foreigner(7000)], { caseId }));
    expect(stranger.status).toBe(404);
    expect(stranger.body).toMatchObject({ code: 'PERSON.NOT_IN_CASE', caseId, person: 0 });

    const linked = await accepted(
      '/procedures',
      group([foreigner(7001, { person: { personId: migrantId } })], { caseId }),
    );
    expect(linked.procedures[0]).toMatchObject({ personId: migrantId, recognised: true });

    // Later: once, and only for a migrant of the case.
    const alone = await accepted(
      '/procedures',
      group([foreigner(7002, { person: { personId: migrantId } })]),
    );
    const later = alone.procedures[0].procedureId;
    const link = (json: object) => post(`/procedures/${later}/case-link`, json);
    await expect(link({ occurredAt: at(80), caseId: randomUUID() })).resolves.toMatchObject({
      status: 404,
      body: { code: 'CASE.NOT_FOUND' },
    });
    await expect(link({ occurredAt: at(80), caseId })).resolves.toMatchObject({ status: 201 });
    await expect(link({ occurredAt: at(81), caseId })).resolves.toMatchObject({
      status: 422,
      body: { code: 'PROCEDURE.ALREADY_LINKED' },
    });
  });

  it("keeps a Koper officer out of Novo mesto's procedures, as if they did not exist", async () => {
    const { procedures } = await accepted('/procedures', group([foreigner(8000)]));
    const koper = await testToken('border-officer', 'koper');
    const as = (path: string, token: string): Promise<HttpAnswer> =>
      http(sut.system.baseUrl, 'POST', path, {
        json: { occurredAt: at(100), reason: 'Ordered to leave the country' },
        token,
      });
    const elsewhere = await as(`/procedures/${procedures[0].procedureId}/release`, koper);
    const missing = await as(`/procedures/${randomUUID()}/release`, koper);
    expect([elsewhere.status, missing.status]).toEqual([404, 404]);
    expect(elsewhere.body.code).toBe('PROCEDURE.NOT_FOUND');
    const { procedureId: _e, instance: _i, ...sameBody } = elsewhere.body;
    const { procedureId: _m, instance: _j, ...missingBody } = missing.body;
    expect(missingBody).toEqual(sameBody);

    // Lists are narrowed to the officer's directorate; asking for another is refused.
    const list = (query: string) =>
      http<{ items: { directorate: string }[] }>(sut.system.baseUrl, 'GET', `/procedures${query}`, {
        token: koper,
      });
    const own = await list('');
    expect(own.status).toBe(200);
    expect(own.body.items.filter((item) => item.directorate !== 'koper')).toEqual([]);
    await expect(list('?directorate=novo-mesto')).resolves.toMatchObject({
      status: 403,
      body: { code: 'AUTH.FORBIDDEN' },
    });

    const recordElsewhere = await http(sut.system.baseUrl, 'POST', '/procedures', {
      json: group([foreigner(8001)]),
      token: koper,
    });
    expect(recordElsewhere.status).toBe(403);
    expect(recordElsewhere.body.code).toBe('AUTH.FORBIDDEN');
  });

  it('puts a running border detention on the custody board, with its 48-hour clock, until the referral', async () => {
    const start = new Date(Date.now() - 3 * 3600_000);
    const { procedures, position } = await accepted(
      '/procedures',
      group(
        [
          {
            nationality: 'MA',
            minor: false,
            borderDetention: { occurredAt: start.toISOString() },
          },
        ],
        { occurredAt: new Date(start.getTime() - 600_000).toISOString(), jointOperation: null },
      ),
    );
    const { procedureId, personId } = procedures[0];
    const board = async (minPosition: string) => {
      const answer = await http<{ items: Record<string, unknown>[] }>(
        sut.system.baseUrl,
        'GET',
        `/custody-board?minPosition=${minPosition}`,
      );
      expect(answer.status).toBe(200);
      return answer.body.items.filter((item) => item.procedureId === procedureId);
    };

    await expect(board(position)).resolves.toEqual([
      expect.objectContaining({
        detention: 'border-detention',
        caseId: null,
        personId,
        directorate: 'novo-mesto',
        phase: 'border-detention',
        heldSince: expect.objectContaining({ utc: start.toISOString() }),
        clocks: [
          expect.objectContaining({
            kind: 'border-detention',
            deadline: expect.objectContaining({
              utc: new Date(start.getTime() + 48 * 3600_000).toISOString(),
            }),
            metAt: null,
            overdue: false,
          }),
        ],
      }),
    ]);

    const referred = await accepted<{ position: string }>(`/procedures/${procedureId}/referral`, {
      occurredAt: new Date(start.getTime() + 3600_000).toISOString(),
      destination: 'aliens-centre',
    });
    await expect(board(referred.position)).resolves.toEqual([]);
  });

  it('counts each foreigner once in the statistics, the repeat intents of those caught again, EU apart', async () => {
    // Its own days (1-2 February 2019), so that the other tests' procedures do not count.
    const day = (h: number) => new Date(Date.UTC(2019, 1, 1, h)).toISOString();
    const { caseId } = await accepted<{ caseId: string }>('/cases', {
      directorate: 'koper',
      borderSection: 'Sočerga',
      offenceParagraph: 3,
      openedAt: day(3),
      summary: 'Car with three migrants stopped at Sočerga.',
    });
    const inCase = await accepted<{ persons: { personId: string }[]; position: string }>(
      `/cases/${caseId}/apprehension-groups`,
      {
        occurredAt: day(2),
        place: 'Sočerga',
        migrants: [
          { nationality: 'AF', minor: false },
          { nationality: 'PK', minor: false },
          { nationality: 'RO', minor: false },
        ],
      },
    );
    const [afghan] = inCase.persons.map((p) => p.personId);
    const koper = (persons: object[], occurredAt: string) =>
      accepted('/procedures', {
        occurredAt,
        directorate: 'koper',
        borderSection: 'Sočerga',
        cameFrom: 'HR',
        place: 'Sočerga',
        persons,
      });
    // The Afghan of the case gets a procedure linked to it: counted once, as the procedure.
    const link = await koper(
      [
        {
          nationality: 'AF',
          minor: false,
          person: { personId: afghan },
          intent: { occurredAt: day(4), statement: 'dictated' },
          referral: { occurredAt: day(6), destination: 'asylum-home-ljubljana' },
        },
      ],
      day(2),
    ).then(({ procedures }) =>
      accepted<{ position: string }>(`/procedures/${procedures[0].procedureId}/case-link`, {
        occurredAt: day(5),
        caseId,
      }),
    );
    // A Syrian alone, who leaves the asylum home and is caught again the next day.
    const first = await koper(
      [
        {
          nationality: 'SY',
          minor: false,
          intent: { occurredAt: day(9), statement: 'handwritten' },
          referral: { occurredAt: day(10), destination: 'asylum-home-logatec' },
        },
      ],
      day(8),
    );
    const syrian = first.procedures[0];
    const left = await accepted<{ position: string }>(
      `/procedures/${syrian.procedureId}/asylum-home-departure`,
      { occurredAt: day(20), facility: 'asylum-home-logatec' },
    );
    const again = await koper(
      [
        {
          nationality: 'SY',
          minor: false,
          person: { personId: syrian.personId },
          intent: { occurredAt: day(27), statement: 'handwritten' },
        },
        {
          nationality: null,
          minor: true,
          release: { occurredAt: day(28), reason: 'Handed to social services' },
        },
      ],
      day(26),
    );
    expect(again.procedures[0]).toMatchObject({ personId: syrian.personId, recognised: true });

    // A position names one procedure's event: waiting on each stream written last reads them all.
    const statistics = (minPosition: string) =>
      http<{ foreigners: Record<string, unknown> }>(
        sut.system.baseUrl,
        'GET',
        `/statistics?from=2019-02-01&to=2019-02-03&directorate=koper&minPosition=${minPosition}`,
      );
    await statistics(inCase.position);
    await statistics(link.position);
    await statistics(left.position);
    const answer = await statistics(again.position);
    expect(answer.status).toBe(200);
    // The Afghan (procedure, not again as the case's migrant), the Pakistani and the Romanian
    // of the case (no procedure), the Syrian twice (two procedures), the child: six
    // apprehensions of five people; the Romanian is an EU citizen, the child of unknown
    // nationality.
    expect(answer.body.foreigners).toMatchObject({
      apprehended: 6,
      persons: 5,
      thirdCountry: 4,
      eu: 1,
      unknownNationality: 1,
      expressedIntent: 3,
      intentShare: 0.5,
      referrals: { 'asylum-home-ljubljana': 1, 'asylum-home-logatec': 1, 'aliens-centre': 0 },
      released: 1,
      caughtAgainAfterLeaving: 1,
      repeatIntentsAfterLeaving: 1,
    });

    // The person view: the Syrian, known from procedures only, apprehended twice.
    const people = await http<{ items: Record<string, unknown>[] }>(
      sut.system.baseUrl,
      'GET',
      `/people?directorate=koper&minApprehensions=2&minPosition=${again.position}`,
    );
    expect(people.status).toBe(200);
    expect(people.body.items).toEqual([
      expect.objectContaining({
        personId: syrian.personId,
        cases: 0,
        apprehensions: 2,
        asylumIntents: 2,
        roles: ['migrant'],
        procedures: 2,
        intents: 2,
        referrals: 1,
        caughtAgainAfterLeaving: 1,
      }),
    ]);
  });
});
