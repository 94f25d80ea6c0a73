import { isConnectionError, loadHistory, retryDelayMs } from './load-history';
import { countPlan } from './plan-figures';
import { planHistory, planSize } from './seed-history';

/** Errors shaped as Node's fetch (undici) throws them. */
const fetchFailed = (code: string, message = 'other side closed') =>
  new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });
const bodyCut = () =>
  new TypeError('terminated', {
    cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
  });

describe('sending a request of the load again', () => {
  it.each([
    ['a keep-alive connection closed under the request', fetchFailed('UND_ERR_SOCKET')],
    ['a reset connection', fetchFailed('ECONNRESET', 'read ECONNRESET')],
    ['an API not listening (restarting)', fetchFailed('ECONNREFUSED', 'connect ECONNREFUSED')],
    ['an answer cut while its body was read', bodyCut()],
  ])('retries %s, backing off from 250 ms doubling to 8 s', (_, error) => {
    expect(isConnectionError(error)).toBe(true);
    const delays = Array.from({ length: 10 }, (_, n) => retryDelayMs({ error }, n, 10));
    expect(delays.map((d) => d?.ms)).toEqual([
      250, 500, 1000, 2000, 4000, 8000, 8000, 8000, 8000, 8000,
    ]);
    expect(delays.every((d) => d?.reason === 'connection')).toBe(true);
    expect(retryDelayMs({ error }, 10, 10)).toBeNull();
  });

  it('does not retry errors that are not the network failing', () => {
    const notFound = fetchFailed('ENOTFOUND', 'getaddrinfo ENOTFOUND api.example');
    for (const error of [notFound, new TypeError('Invalid URL'), new Error('boom'), 'text']) {
      expect(isConnectionError(error)).toBe(false);
      expect(retryDelayMs({ error }, 0, 10)).toBeNull();
    }
  });

  it("waits for a 429's or 503's Retry-After, in seconds or as a date, within bounds", () => {
    expect(retryDelayMs({ status: 429, retryAfter: '60' }, 0, 10)).toEqual({
      ms: 60_000,
      reason: 'rate-limited',
    });
    expect(retryDelayMs({ status: 503, retryAfter: '5' }, 3, 10)).toEqual({
      ms: 5_000,
      reason: 'unavailable',
    });
    expect(retryDelayMs({ status: 503, retryAfter: '86400' }, 0, 10)?.ms).toBe(120_000);
    const soon = new Date(Date.now() + 30_000).toUTCString();
    expect(retryDelayMs({ status: 503, retryAfter: soon }, 0, 10)?.ms).toBeGreaterThan(25_000);
    // Without one (or with nonsense): the same backoff as a lost connection.
    expect(retryDelayMs({ status: 503, retryAfter: null }, 2, 10)?.ms).toBe(1_000);
    expect(retryDelayMs({ status: 503, retryAfter: 'soon' }, 0, 10)?.ms).toBe(250);
  });

  it("backs off after a proxy's 502 or 504, and gives up at once on any other answer", () => {
    expect(retryDelayMs({ status: 502, retryAfter: null }, 1, 10)).toEqual({
      ms: 500,
      reason: 'unavailable',
    });
    expect(retryDelayMs({ status: 504, retryAfter: null }, 0, 10)?.ms).toBe(250);
    for (const status of [200, 400, 401, 404, 409, 422, 500]) {
      expect(retryDelayMs({ status, retryAfter: '1' }, 0, 10)).toBeNull();
    }
    expect(retryDelayMs({ status: 503, retryAfter: '1' }, 10, 10)).toBeNull();
  });
});

/**
 * An API in memory that answers as the real one does and refuses what the real one would
 * refuse for want of an earlier step: a person, case or procedure not answered yet, a migrant
 * not (yet) in the case a procedure is linked to, a person caught again before the departure
 * from the asylum home was recorded, a departure from a home the person was not referred to.
 */
function fakeApi() {
  let ids = 0;
  let position = 0;
  const id = () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`;
  const persons = new Set<string>();
  const cases = new Map<string, { migrants: Set<string>; people: Set<string> }>();
  const procedures = new Map<string, { personId: string; referral?: string; left: boolean }>();
  const procedureOf = new Map<string, string[]>();
  const answered = new Map<string, { body: string; answer: string }>();
  const refused: string[] = [];

  type Json = Record<string, unknown>;
  const newPerson = (named: unknown) => {
    if (named !== undefined) {
      if (typeof named !== 'string' || !persons.has(named))
        throw new Error(`no person ${JSON.stringify(named)}`);
      return { personId: named, recognised: true };
    }
    const personId = id();
    persons.add(personId);
    return { personId, recognised: false };
  };

  const handle = (path: string, body: Json): Json => {
    const parts = path.split('/').slice(1);
    if (parts[0] === 'cases') {
      if (parts.length === 1) {
        const caseId = id();
        cases.set(caseId, { migrants: new Set(), people: new Set() });
        return { caseId };
      }
      const found = cases.get(parts[1]);
      if (!found) throw new Error(`no case ${parts[1]}`);
      if (parts[2] === 'arrests') {
        const p = newPerson((body.person as Json | undefined)?.personId);
        found.people.add(p.personId);
        return { persons: [p] };
      }
      if (parts[2] === 'apprehension-groups') {
        const answer = (body.migrants as Json[]).map((m) =>
          newPerson((m.person as Json | undefined)?.personId),
        );
        for (const p of answer) found.migrants.add(p.personId);
        for (const p of answer) found.people.add(p.personId);
        return { persons: answer };
      }
      if (parts[2] === 'persons' && !found.people.has(parts[3])) {
        throw new Error(`no person ${parts[3]} in the case`);
      }
      return {};
    }
    if (parts[0] === 'procedures' && parts.length === 1) {
      const caseId = body.caseId as string | undefined;
      const linked = caseId === undefined ? undefined : cases.get(caseId);
      if (caseId !== undefined && !linked) throw new Error(`no case ${caseId}`);
      const answer = (body.persons as Json[]).map((entry) => {
        const named = (entry.person as Json | undefined)?.personId as string | undefined;
        const p = newPerson(named);
        if (linked && !linked.migrants.has(p.personId)) {
          throw new Error(`${p.personId} is not a migrant of the case (yet)`);
        }
        const earlier = procedureOf.get(p.personId) ?? [];
        if (!linked && named !== undefined && !earlier.some((e) => procedures.get(e)!.left)) {
          throw new Error(`${p.personId} is caught again before leaving the asylum home`);
        }
        const procedureId = id();
        const referral = (entry.referral as Json | undefined)?.destination as string | undefined;
        procedures.set(procedureId, { personId: p.personId, referral, left: false });
        procedureOf.set(p.personId, [...earlier, procedureId]);
        return { procedureId, ...p };
      });
      return { groupId: id(), procedures: answer };
    }
    if (parts[0] === 'procedures' && parts[2] === 'asylum-home-departure') {
      const procedure = procedures.get(parts[1]);
      if (!procedure) throw new Error(`no procedure ${parts[1]}`);
      if (procedure.referral !== body.facility) throw new Error('not referred to that home');
      procedure.left = true;
      return { procedureId: parts[1], version: 4 };
    }
    if (path === '/joint-operations/partner-reports') return { code: body.code, version: 1 };
    throw new Error(`no route ${path}`);
  };

  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    // Answers come back in another order than the requests went out.
    for (let i = ids % 3; i > 0; i--) await new Promise((resolve) => setImmediate(resolve));
    const path = new URL(url instanceof Request ? url.url : url).pathname;
    const key = (init?.headers as Record<string, string>)['idempotency-key'];
    const text = init?.body as string;
    const before = answered.get(key);
    if (before) {
      if (before.body !== text) return new Response('key reused', { status: 422 });
      return new Response(before.answer, { status: 201 });
    }
    try {
      const answer = JSON.stringify({
        ...handle(path, JSON.parse(text) as Json),
        position: String(++position),
      });
      answered.set(key, { body: text, answer });
      return new Response(answer, { status: 201 });
    } catch (error) {
      refused.push(`${path}: ${(error as Error).message}`);
      return new Response(JSON.stringify({ detail: (error as Error).message }), { status: 422 });
    }
  };
  return { fetch, refused, persons, procedures };
}

describe('loading the planned history', () => {
  const plan = planHistory(2024);
  const size = planSize(plan);
  const counted = countPlan(plan);
  afterEach(() => jest.restoreAllMocks());

  it('sends every step after the steps it depends on, binding the ids answered', async () => {
    const api = fakeApi();
    jest.spyOn(global, 'fetch').mockImplementation(api.fetch);
    const result = await loadHistory(plan, {
      baseUrl: 'http://api.test',
      token: 'token',
      concurrency: 8,
      idempotencyPrefix: 'seed-test',
    });
    expect(api.refused).toEqual([]);
    expect(result).toMatchObject({
      commands: size.commands,
      cases: size.cases,
      procedureGroups: size.procedureGroups,
      lastPosition: String(size.commands),
      retries: 0,
    });
    expect(api.procedures.size).toBe(size.procedures);
    // Each person once: the people caught again and the joint operation's are recognised.
    const people = new Set(
      [...counted.cases.flatMap((c) => [...c.people.values()]), ...counted.procedures].map(
        (p) => p.person,
      ),
    );
    expect(api.persons.size).toBe(people.size);
  }, 120_000);

  it('resumes with the same answers when run again, and refuses a person recognised whom the plan does not name', async () => {
    const api = fakeApi();
    jest.spyOn(global, 'fetch').mockImplementation(api.fetch);
    const some = {
      ...plan,
      cases: plan.cases.slice(0, 3),
      procedureGroups: plan.procedureGroups.filter((g) => g.after.length === 0).slice(0, 5),
    };
    const options = { baseUrl: 'http://api.test', token: 'token', idempotencyPrefix: 'again' };
    const first = await loadHistory(some, options);
    const again = await loadHistory(some, options);
    expect(again).toMatchObject({ commands: first.commands, lastPosition: first.lastPosition });
    expect(api.refused).toEqual([]);

    jest.restoreAllMocks();
    jest.spyOn(global, 'fetch').mockImplementation(async (url, init) => {
      const answer = (await (await api.fetch(url, init)).json()) as {
        procedures?: { recognised: boolean }[];
      };
      for (const p of answer.procedures ?? []) p.recognised = true;
      return new Response(JSON.stringify(answer), { status: 201 });
    });
    await expect(
      loadHistory(
        { ...some, cases: [], procedureGroups: some.procedureGroups.slice(0, 1) },
        { ...options, idempotencyPrefix: 'recognised' },
      ),
    ).rejects.toThrow(/recognised its person 0 as .*, whom the plan does not name/);
  });
});
