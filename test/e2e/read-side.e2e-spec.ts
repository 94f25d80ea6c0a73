import { http, useSystem } from '../harness/system';
import { eventually, testToken } from '../harness/test-env';

interface Accepted {
  caseId: string;
  version: number;
  position: string;
  persons?: { personId: string }[];
}

interface CaseItem {
  caseId: string;
  directorate: string;
  borderSection: string;
  status: string;
  openedAt: string;
  jointOperations: string[];
  suspects: number;
  migrants: number;
  inCustody: number;
  version: number;
}

interface Caseload {
  totals: { cases: number; suspects: number; migrants: number; inCustody: number };
  items: CaseItem[];
  nextCursor: string | null;
}

/**
 * The read side through HTTP: the caseload, the case detail, people across cases, reading
 * one's own writes with `minPosition`, and how far each projection is behind.
 */
describe('the read side', () => {
  const sut = useSystem();
  const post = async (path: string, json: object): Promise<Accepted> => {
    const answer = await http<Accepted>(sut.system.baseUrl, 'POST', path, { json });
    if (answer.status !== 201)
      throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body;
  };
  const get = <T>(path: string, token?: string) =>
    http<T>(sut.system.baseUrl, 'GET', path, { token });

  const cases: Record<'obrezje' | 'metlika' | 'jelsane', string> = {} as never;
  const ids: { suspect: string; migrant: string; migrantAgain: string } = {} as never;
  let last: Accepted;

  const openCase = (directorate: string, borderSection: string, openedAt: string) =>
    post('/cases', {
      directorate,
      borderSection,
      offenceParagraph: 3,
      openedAt,
      summary: `Van stopped near ${borderSection}.`,
    }).then((a) => a.caseId);

  beforeAll(async () => {
    cases.obrezje = await openCase('novo-mesto', 'Obrežje', '2024-01-10T21:00:00+01:00');
    cases.metlika = await openCase('novo-mesto', 'Metlika', '2024-02-05T03:00:00+01:00');
    cases.jelsane = await openCase('koper', 'Jelšane', '2024-02-20T23:30:00+01:00');

    // Obrežje: a smuggler held (remand), two migrants; one seeks protection and is referred.
    const suspect = await post(`/cases/${cases.obrezje}/arrests`, {
      occurredAt: '2024-01-10T21:30:00+01:00',
      nationality: 'RS',
      slovenianCitizen: false,
      place: 'Obrežje',
    });
    ids.suspect = suspect.persons![0].personId;
    const group = await post(`/cases/${cases.obrezje}/apprehension-groups`, {
      occurredAt: '2024-01-10T21:20:00+01:00',
      place: 'Obrežje',
      migrants: [
        { nationality: 'SY', minor: false },
        { nationality: 'AF', minor: true },
      ],
    });
    ids.migrant = group.persons![0].personId;
    const migrant = `/cases/${cases.obrezje}/persons/${ids.migrant}`;
    await post(`${migrant}/asylum-intents`, {
      occurredAt: '2024-01-11T01:00:00+01:00',
      expressedTo: 'police',
      statement: 'handwritten',
    });
    await post(`${migrant}/asylum-referral`, {
      occurredAt: '2024-01-11T09:00:00+01:00',
      facility: 'asylum-home-logatec',
    });
    await post(`${migrant}/reception-departure`, {
      occurredAt: '2024-01-13T12:00:00+01:00',
      facility: 'asylum-home-logatec',
    });
    await post(`/cases/${cases.obrezje}/joint-operations`, {
      occurredAt: '2024-01-12T10:00:00+01:00',
      code: 'HR-SI-2024-01',
      name: 'Mixed patrols on the Kolpa',
      partnerCountry: 'HR',
      kind: 'mixed-patrol',
      from: '2024-01-08T00:00:00+01:00',
      to: '2024-01-14T00:00:00+01:00',
    });

    // Metlika: the same migrant caught again after leaving the asylum home; intent again.
    const again = await post(`/cases/${cases.metlika}/apprehensions`, {
      occurredAt: '2024-02-05T03:10:00+01:00',
      nationality: 'SY',
      minor: false,
      place: 'Metlika',
      person: { personId: ids.migrant },
    });
    ids.migrantAgain = again.persons![0].personId;
    last = await post(`/cases/${cases.metlika}/persons/${ids.migrant}/asylum-intents`, {
      occurredAt: '2024-02-05T06:00:00+01:00',
      expressedTo: 'police',
      statement: 'dictated',
    });
  });

  describe("reading one's own writes", () => {
    it('answers every read after a command with the command reflected, given its position', async () => {
      for (let i = 0; i < 10; i++) {
        const answer = await post(`/cases/${cases.jelsane}/amendments`, {
          occurredAt: '2024-02-21T08:00:00+01:00',
          summary: `Amended ${i}.`,
        });
        const read = await get<{ version: number; summary: string }>(
          `/cases/${cases.jelsane}?minPosition=${answer.position}`,
        );
        expect(read.status).toBe(200);
        expect(read.body).toMatchObject({ version: answer.version, summary: `Amended ${i}.` });
      }
    });

    it('waits on the read model each route reads', async () => {
      const position = last.position;
      const people = await get<{ items: { personId: string; asylumIntents: number }[] }>(
        `/people?minPosition=${position}`,
      );
      expect(people.body.items.find((p) => p.personId === ids.migrant)?.asylumIntents).toBe(2);
      const caseload = await get<Caseload>(`/cases?minPosition=${position}`);
      expect(caseload.status).toBe(200);
      const statistics = await get<{ asylumIntent: { expressedIntent: number } }>(
        `/statistics?from=2024-02-01&to=2024-03-01&minPosition=${position}`,
      );
      expect(statistics.body.asylumIntent.expressedIntent).toBe(1);
      const board = await get<{ items: unknown[] }>(`/custody-board?minPosition=${position}`);
      expect(board.status).toBe(200);
    });

    it('refuses a position at which nothing is stored, and a position that is not one', async () => {
      const unknown = await get(`/cases?minPosition=999999999`);
      expect(unknown.status).toBe(400);
      expect(unknown.body).toMatchObject({
        code: 'REQUEST.VALIDATION_FAILED',
        errors: [{ field: 'minPosition', messages: ['no event is stored at this position'] }],
      });
      for (const bad of ['0', '-1', 'abc', '1.5', '1'.repeat(19)]) {
        const answer = await get(`/statistics?from=2024-01-01&to=2024-02-01&minPosition=${bad}`);
        expect({ bad, status: answer.status }).toEqual({ bad, status: 400 });
      }
    });

    it('answers 503 READ_MODEL.BEHIND when the read model does not reach the position in time', async () => {
      // An event the relay never sees (no outbox row), so no projection ever applies it.
      const [{ position }]: { position: string }[] = await sut.db.query(
        `INSERT INTO event_store.events
           (event_id, stream_id, stream_type, version, type, schema_version, data, metadata, occurred_at, hash)
         VALUES (gen_random_uuid(), $1, 'case', 1000, 'case.details-amended', 1, '{}', '{}', now(), '\\x00')
         RETURNING position`,
        [cases.jelsane],
      );
      const started = Date.now();
      const answer = await get(`/cases/${cases.jelsane}?minPosition=${position}`);
      expect(answer.status).toBe(503);
      expect(answer.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(answer.body).toMatchObject({
        code: 'READ_MODEL.BEHIND',
        projection: 'cases',
        minPosition: position,
      });
      // Bounded by READ_WAIT_MAX_MS (5 s by default), not a hang.
      expect(Date.now() - started).toBeLessThan(15_000);
      // The store is append-only: only a superuser's bypass takes the stray event out again.
      await sut.db.transaction(async (tx) => {
        await tx.query(`SET LOCAL session_replication_role = replica`);
        await tx.query(`DELETE FROM event_store.events WHERE position = $1`, [position]);
      });
    });
  });

  describe('the caseload', () => {
    it('counts suspects, migrants and people held per case, with totals over the selection', async () => {
      const { body } = await get<Caseload>(
        `/cases?directorate=novo-mesto&minPosition=${last.position}`,
      );
      expect(body.totals).toEqual({ cases: 2, suspects: 1, migrants: 3, inCustody: 1 });
      expect(body.items.map((c) => [c.borderSection, c.suspects, c.migrants, c.inCustody])).toEqual(
        [
          ['Metlika', 0, 1, 0],
          ['Obrežje', 1, 2, 1],
        ],
      );
    });

    it('filters by border section, status, joint operation and period', async () => {
      const sections = async (query: string) =>
        (await get<Caseload>(`/cases?${query}`)).body.items.map((c) => c.borderSection).sort();
      await expect(sections('borderSection=Jela%C5%A1ane')).resolves.toEqual([]);
      await expect(sections('borderSection=Jel%C5%A1ane')).resolves.toEqual(['Jelšane']);
      await expect(sections('jointOperation=HR-SI-2024-01')).resolves.toEqual(['Obrežje']);
      await expect(sections('status=closed')).resolves.toEqual([]);
      await expect(sections('status=open')).resolves.toEqual(['Jelšane', 'Metlika', 'Obrežje']);
      // Days are Slovenian days: 20 Feb 23:30 local is 22:30 UTC, still the 20th here.
      await expect(sections('openedFrom=2024-02-01&openedTo=2024-02-20')).resolves.toEqual([
        'Metlika',
      ]);
      await expect(sections('openedFrom=2024-02-20&openedTo=2024-02-21')).resolves.toEqual([
        'Jelšane',
      ]);
    });

    it('pages through every case once, in each order, with the cursor of that order', async () => {
      for (const sort of ['openedAt', '-openedAt', 'migrants', '-migrants', '-inCustody']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { body: Caseload; status: number } = await get<Caseload>(
            `/cases?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          );
          expect(page.status).toBe(200);
          seen.push(...page.body.items.map((c) => c.caseId));
          cursor = page.body.nextCursor;
        } while (cursor);
        expect({ sort, count: seen.length, distinct: new Set(seen).size }).toEqual({
          sort,
          count: 3,
          distinct: 3,
        });
      }
      const byOpening = (await get<Caseload>('/cases?sort=openedAt')).body.items;
      expect(byOpening.map((c) => c.caseId)).toEqual([cases.obrezje, cases.metlika, cases.jelsane]);
      const first = await get<Caseload>('/cases?sort=openedAt&limit=1');
      const mixed = await get(`/cases?sort=migrants&cursor=${first.body.nextCursor}`);
      expect(mixed.status).toBe(400);
      expect(mixed.body).toMatchObject({ code: 'REQUEST.VALIDATION_FAILED' });
    });

    it("gives an investigator their directorate's cases, and refuses another's", async () => {
      const koper = await testToken('investigator', 'koper');
      const own = await get<Caseload>('/cases', koper);
      expect(own.body.items.map((c) => c.caseId)).toEqual([cases.jelsane]);
      const other = await get('/cases?directorate=novo-mesto', koper);
      expect(other.status).toBe(403);
      expect(other.body).toMatchObject({ code: 'AUTH.FORBIDDEN' });
    });
  });

  describe('the case detail', () => {
    it('shows each person with their custody and their asylum referrals', async () => {
      const { body } = await get<{
        jointOperations: string[];
        persons: {
          personId: string;
          role: string;
          nationality: string;
          minor: boolean;
          custody: { phase: string; heldSince: string | null };
          protection: {
            status: string;
            asylumIntents: number;
            referrals: { facility: string; at: string }[];
          };
        }[];
      }>(`/cases/${cases.obrezje}?minPosition=${last.position}`);
      expect(body.jointOperations).toEqual(['HR-SI-2024-01']);
      // In the order first recorded: the group (apprehended together), then the arrest.
      expect(body.persons.map((p) => [p.role, p.nationality, p.minor]).slice(2)).toEqual([
        ['suspect', 'RS', false],
      ]);
      const person = Object.fromEntries(body.persons.map((p) => [p.nationality, p]));
      expect(person.AF).toMatchObject({ role: 'migrant', minor: true });
      const { SY: syrian, RS: suspect } = person;
      expect(suspect.custody).toEqual({
        phase: 'arrested',
        heldSince: new Date('2024-01-10T21:30:00+01:00').toISOString(),
      });
      expect(syrian.custody).toEqual({ phase: 'free', heldSince: null });
      expect(syrian.protection).toMatchObject({
        status: 'left-reception',
        asylumIntents: 1,
        referrals: [
          {
            facility: 'asylum-home-logatec',
            at: new Date('2024-01-11T09:00:00+01:00').toISOString(),
          },
        ],
      });
    });
  });

  describe('people across cases', () => {
    it('counts a repeat apprehension and a repeat intent of the same person', async () => {
      expect(ids.migrantAgain).toBe(ids.migrant);
      const { body } = await get<{
        total: number;
        items: Record<string, unknown>[];
      }>(`/people?minApprehensions=2&minPosition=${last.position}`);
      expect(body.total).toBe(1);
      expect(body.items).toEqual([
        {
          personId: ids.migrant,
          nationality: 'SY',
          cases: 2,
          apprehensions: 2,
          asylumIntents: 2,
          firstSeenAt: new Date('2024-01-10T21:20:00+01:00').toISOString(),
          lastSeenAt: new Date('2024-02-05T03:10:00+01:00').toISOString(),
          roles: ['migrant'],
          directorates: ['novo-mesto'],
          // Found in cases only: no police procedure of theirs.
          procedures: 0,
          intents: 0,
          referrals: 0,
          caughtAgainAfterLeaving: 0,
        },
      ]);
      const all = await get<{ total: number }>('/people');
      expect(all.body.total).toBe(3);
      const koper = await testToken('investigator', 'koper');
      const theirs = await get<{ total: number }>('/people', koper);
      expect(theirs.body.total).toBe(0);
    });
  });

  describe('projection lag', () => {
    it('shows every projection caught up with the topic, partition by partition', async () => {
      const events = await sut.eventCount();
      const lag = await eventually(
        async () => {
          const answer = await get<{
            projections: {
              name: string;
              eventsBehind: number;
              secondsBehind: number;
              partitions: { endOffset: string; eventsBehind: number }[];
            }[];
          }>('/projections');
          return answer.body.projections.every((p) => p.eventsBehind === 0) ? answer : undefined;
        },
        { what: 'every projection to catch up' },
      );
      expect(lag.body.projections.map((p) => [p.name, p.eventsBehind, p.secondsBehind])).toEqual(
        ['cases', 'custody-board', 'statistics', 'people', 'procedures'].map((name) => [
          name,
          0,
          0,
        ]),
      );
      for (const projection of lag.body.projections) {
        expect(projection.partitions).toHaveLength(3);
        expect(projection.partitions.reduce((n, p) => n + Number(p.endOffset), 0)).toBe(events);
      }
    });
  });
});
